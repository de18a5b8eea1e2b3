package dev.portico.data;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;

/**
 * One migration file as the database sees it: what {@code migrate} reports and {@code migrate --info} lists.
 * A Portico type rather than Flyway's, so commands and tests do not depend on Flyway's API.
 *
 * @param module the module whose set holds it ({@code auth}); empty for the application's own
 * @param version the version from the file name ({@code 2} for {@code V2__add_author.sql}); empty for a
 *     repeatable migration
 * @param description the rest of the file name, with spaces ({@code add author})
 * @param script the file name
 * @param state {@code applied}, {@code pending}, {@code failed}, ... (Flyway's state, lower-case)
 * @param installedOn when it was applied, if it was
 */
public record Migration(
        String module, String version, String description, String script, String state, Optional<Instant> installedOn) {

    static Migration of(String module, MigrationInfo info) {
        String state = info.getState().isApplied() && !info.getState().isFailed()
                ? "applied"
                : info.getState().getDisplayName().toLowerCase(Locale.ROOT);
        return new Migration(
                module,
                info.getVersion() == null ? "" : info.getVersion().getVersion(),
                info.getDescription(),
                info.getScript(),
                state,
                Optional.ofNullable(info.getInstalledOn()).map(java.util.Date::toInstant));
    }

    /** The file name, behind its module's name when it belongs to one ({@code auth/V1__create_users.sql}). */
    public String name() {
        return module.isEmpty() ? script : module + "/" + script;
    }

    /** Whether it has been applied successfully. */
    public boolean applied() {
        return state.equals("applied");
    }
}
