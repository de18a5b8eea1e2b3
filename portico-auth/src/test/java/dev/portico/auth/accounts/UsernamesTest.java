package dev.portico.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.auth.AuthTestSupport;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.error.ValidationFailed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: usernames in NFKC, unique whatever their case, width or confusable letters, on H2 and PostgreSQL; and the
 * migration that brings a table of existing users there without losing one.
 */
class UsernamesTest {
    private static final String TAKEN = "A user with that username already exists.";

    @Test
    void namesThatReadAlikeShareAKey() {
        String alice = Usernames.key("alice");
        assertThat(Usernames.key("ALICE")).isEqualTo(alice);
        assertThat(Usernames.key("Alice")).isEqualTo(alice);
        assertThat(Usernames.key("ａｌｉｃｅ")).as("fullwidth").isEqualTo(alice);
        assertThat(Usernames.key("\u0430lice")).as("a Cyrillic a").isEqualTo(alice);
        assertThat(Usernames.key("alicia")).isNotEqualTo(alice);
        assertThat(Usernames.normalize("ａｌｉｃｅ")).isEqualTo("alice");
        assertThat(Usernames.normalize("\u0430lice"))
                .as("NFKC keeps the script")
                .isEqualTo("\u0430lice");
    }

    private static ValidationFailed refused(Runnable create) {
        try {
            create.run();
        } catch (ValidationFailed e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @DatabaseTest
    void aNameThatReadsAsAnothersIsRefusedAtRegistrationAndRename(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            Users users = accounts.users();
            User alice = users.create(NewUser.of("alice", "", "correct horse battery"));
            for (String twin : List.of("ALICE", "Alice", "ａｌｉｃｅ", "\u0430lice", "\u0430l\u0456ce")) {
                assertThat(refused(() -> users.create(NewUser.of(twin, "", "correct horse battery")))
                                .errors())
                        .as(twin)
                        .containsEntry("username", List.of(TAKEN));
            }
            User bob = users.create(NewUser.of("ｂｏｂ", "", "correct horse battery"));
            assertThat(bob.username()).as("stored in NFKC").isEqualTo("bob");
            assertThat(users.authenticate("ｂｏｂ", "correct horse battery"))
                    .as("a login is normalised too")
                    .isPresent();
            assertThat(refused(() -> users.updateProfile(
                                    bob.id(), java.util.Optional.of("Alice"), java.util.Optional.empty()))
                            .errors())
                    .containsEntry("username", List.of(TAKEN));
            assertThat(users.updateProfile(alice.id(), java.util.Optional.of("Alice"), java.util.Optional.empty())
                            .username())
                    .as("one's own name in another case")
                    .isEqualTo("Alice");
        }
    }

    @DatabaseTest
    void theMigrationKeepsEveryExistingAccountWhenNamesAlreadyCollide(TestDatabase test) throws Exception {
        PorticoConfig config = AuthTestSupport.config(test, b -> {});
        String url = config.get(DatabaseSettings.URL);
        String user = config.get(DatabaseSettings.USER);
        Flyway.configure()
                .dataSource(url, user, "")
                .locations("classpath:db/portico/auth")
                .table("portico_auth_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .target("4")
                .load()
                .migrate();
        List<String> legacy = List.of("alice", "ALICE", "ａｌｉｃｅ", "\u0430lice", "ｃａｒｏｌ", "bob");
        try (Connection c = DriverManager.getConnection(url, user, "");
                PreparedStatement insert =
                        c.prepareStatement("insert into auth_users (public_id, username, password_hash, "
                                + "created_at, updated_at) values (?, ?, '!', ?, ?)")) {
            for (int i = 0; i < legacy.size(); i++) {
                insert.setString(1, "u-" + "0".repeat(23) + i);
                insert.setString(2, legacy.get(i));
                insert.setTimestamp(3, Timestamp.from(Instant.EPOCH));
                insert.setTimestamp(4, Timestamp.from(Instant.EPOCH));
                insert.executeUpdate();
            }
        }
        Accounts accounts = Accounts.create(Database.create(config, Accounts.MIGRATIONS), config, Clock.systemUTC());
        try (var db = accounts.database();
                Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select username, username_key from auth_users order by id")) {
            List<String> kept = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                kept.add(rows.getString(1));
                keys.add(rows.getString(2));
            }
            assertThat(kept)
                    .as("every account kept; ｃａｒｏｌ normalised, ａｌｉｃｅ not (alice is taken)")
                    .containsExactly("alice", "ALICE", "ａｌｉｃｅ", "\u0430lice", "carol", "bob");
            assertThat(keys.get(0)).isEqualTo(Usernames.key("alice"));
            assertThat(keys.subList(1, 4)).allSatisfy(k -> assertThat(k).startsWith(Usernames.key("alice") + "#"));
            assertThat(accounts.users().find("ALICE").orElseThrow().username()).isEqualTo("ALICE");
            assertThat(accounts.users().find("ａｌｉｃｅ").orElseThrow().username())
                    .as("found as it was stored")
                    .isEqualTo("ａｌｉｃｅ");
            assertThat(refused(() -> accounts.users().create(NewUser.of("Alice", "", "correct horse battery")))
                            .errors())
                    .containsEntry("username", List.of(TAKEN));
            assertThat(refused(() -> accounts.users().create(NewUser.of("CAROL", "", "correct horse battery")))
                            .errors())
                    .containsEntry("username", List.of(TAKEN));
            assertThat(accounts.users()
                            .create(NewUser.of("dave", "", "correct horse battery"))
                            .username())
                    .isEqualTo("dave");
            assertThatThrownBy(() -> s.execute("insert into auth_users (public_id, username, username_key, "
                            + "password_hash, created_at, updated_at) values ('u-x', 'zed', '" + Usernames.key("bob")
                            + "', '!', current_timestamp, current_timestamp)"))
                    .as("the unique index")
                    .isNotNull();
        }
    }
}
