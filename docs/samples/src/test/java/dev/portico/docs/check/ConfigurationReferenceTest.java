package dev.portico.docs.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.account.AccountSettings;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.mail.MailSettings;
import dev.portico.auth.session.SessionSettings;
import dev.portico.cli.logging.LoggingSettings;
import dev.portico.config.Setting;
import dev.portico.config.Settings;
import dev.portico.data.DatabaseSettings;
import dev.portico.metrics.MetricsSettings;
import dev.portico.redis.RedisSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every setting the framework declares (the {@code ALL} lists of portico-core,
 * portico-data, portico-auth and portico-redis, which {@code --print-config} lists), each on a table row
 * {@code | `key` | `default` | `PORTICO_KEY` | what |}, the default parsing, by the setting's own parser, to
 * the declared default; and no row names a setting that does not exist. The settings table of docs/operations.md
 * is held to the same rows.
 */
class ConfigurationReferenceTest {

    /** Every setting of the framework's modules, in the order the reference lists them. */
    static final List<Setting<?>> DECLARED = Stream.of(
                    Settings.ALL,
                    DatabaseSettings.ALL,
                    AuthSettings.ALL,
                    JwtSettings.ALL,
                    SessionSettings.ALL,
                    AccountSettings.ALL,
                    MailSettings.ALL,
                    RedisSettings.ALL,
                    LoggingSettings.ALL,
                    MetricsSettings.ALL)
            .flatMap(List::stream)
            .toList();

    private static final Pattern ALL_LIST = Pattern.compile("public static final List<Setting<\\?>> ALL\\b");

    @Test
    void everySettingsListOfTheFrameworkIsChecked() throws IOException {
        List<String> missed = new ArrayList<>();
        Path root = Repository.root();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("portico-"))
                    .toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        if (!ALL_LIST.matcher(Files.readString(file)).find()) {
                            continue;
                        }
                        String name = sources.relativize(file)
                                .toString()
                                .replace('/', '.')
                                .replace(".java", "");
                        if (!checked(name)) {
                            missed.add(root.relativize(file) + " declares settings (ALL) that the configuration "
                                    + "reference check does not read: add " + name + ".ALL to DECLARED (and its module"
                                    + " to docs/samples/pom.xml)");
                        }
                    }
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    private static boolean checked(String className) {
        try {
            Object all = Class.forName(className).getField("ALL").get(null);
            return all instanceof List<?> list && !list.isEmpty() && DECLARED.containsAll(list);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Test
    void everyDeclaredSettingIsDocumentedWithItsDefaultAndEnvironmentVariable() {
        String page = "docs/configuration.md";
        Map<String, List<String>> rows = rows(Repository.read(Repository.root().resolve(page)));
        List<String> problems = new ArrayList<>();
        for (Setting<?> setting : DECLARED) {
            if (!rows.containsKey(setting.key())) {
                problems.add(page + " has no row for " + setting.key() + " (| `" + setting.key() + "` | default | `"
                        + setting.envName() + "` | what |)");
            }
        }
        problems.addAll(rowProblems(page, rows));
        assertThat(problems)
                .as("the configuration reference against the declared settings")
                .isEmpty();
    }

    /**
     * docs/operations.md repeats the rows of the settings it is about (logs and metrics); they are checked as the
     * reference's are, so the two pages cannot drift apart or from the code.
     */
    @Test
    void theSettingsTableOfTheOperationsPageIsTrueToo() {
        String page = "docs/operations.md";
        Map<String, List<String>> rows = rows(Repository.read(Repository.root().resolve(page)));
        assertThat(rows).as(page + "'s settings table").containsKeys("logging.format", "metrics.enabled");
        assertThat(rowProblems(page, rows))
                .as(page + "'s settings against the declared ones")
                .isEmpty();
    }

    /** What is wrong with rows {@code | `key` | default | environment | what |}: unknown keys, defaults, names. */
    static List<String> rowProblems(String page, Map<String, List<String>> rows) {
        List<String> problems = new ArrayList<>();
        rows.forEach((key, row) -> {
            Optional<Setting<?>> declared =
                    DECLARED.stream().filter(s -> s.key().equals(key)).findFirst();
            if (declared.isEmpty()) {
                problems.add(page + " documents " + key + ", which no module declares");
                return;
            }
            Setting<?> setting = declared.get();
            defaultProblem(page, setting, row.get(1)).ifPresent(problems::add);
            for (String env : Stream.concat(Stream.of(setting.envName()), setting.envAliases().stream())
                    .toList()) {
                if (!row.get(2).contains("`" + env + "`")) {
                    problems.add(page + ": the row of " + key + " does not name `" + env + "`");
                }
            }
        });
        return problems;
    }

    @Test
    void aMissingRowAndAWrongDefaultAreFound() {
        Map<String, List<String>> rows = rows("""
            | key | default | environment | what |
            |---|---|---|---|
            | `server.port` | `8080` | `PORTICO_SERVER_PORT` | x |
            """);
        assertThat(rows).containsOnlyKeys("server.port");
        assertThat(defaultProblem(Settings.SERVER_PORT, rows.get("server.port").get(1)))
                .hasValueSatisfying(p ->
                        assertThat(p).contains("server.port").contains("8080").contains("8000"));
        assertThat(defaultProblem(Settings.OPENAPI_DESCRIPTION, "`x`")).isPresent();
        assertThat(defaultProblem(Settings.OPENAPI_DESCRIPTION, "empty")).isEmpty();
        assertThat(defaultProblem(Settings.CACHE_MEMORY_MAX_SIZE, "`64MiB`")).isEmpty();
        assertThat(defaultProblem(Settings.SERVER_SHUTDOWN_GRACE, "`20s`")).isEmpty();
    }

    /** The table rows whose first cell is a backticked setting key, by key: the cells, trimmed. */
    static Map<String, List<String>> rows(String markdown) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : markdown.lines().toList()) {
            String s = line.strip();
            if (!s.startsWith("|") || !s.endsWith("|")) {
                continue;
            }
            List<String> cells = Stream.of(s.substring(1, s.length() - 1).split("(?<!\\\\)\\|"))
                    .map(String::strip)
                    .toList();
            if (cells.size() >= 3 && cells.get(0).matches("`[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+`")) {
                rows.put(cells.get(0).substring(1, cells.get(0).length() - 1), cells);
            }
        }
        return rows;
    }

    /** Why the documented default is not the declared one, if it is not: {@code empty}, or a value in backticks. */
    static Optional<String> defaultProblem(Setting<?> setting, String cell) {
        return defaultProblem("docs/configuration.md", setting, cell);
    }

    static Optional<String> defaultProblem(String page, Setting<?> setting, String cell) {
        String where = page + ": the default of " + setting.key() + " is " + cell + ", ";
        Object declared = setting.defaultValue();
        if (cell.equals("empty")) {
            return "".equals(declared) ? Optional.empty() : Optional.of(where + "but it is `" + declared + "`");
        }
        if (!cell.startsWith("`") || !cell.endsWith("`") || cell.length() < 3) {
            return Optional.of(where + "write it as `value` (or empty)");
        }
        String text = cell.substring(1, cell.length() - 1);
        try {
            Object parsed = setting.parse(text);
            return Objects.equals(parsed, declared)
                    ? Optional.empty()
                    : Optional.of(where + "but the declared default is " + declared);
        } catch (IllegalArgumentException e) {
            return Optional.of(where + "which " + setting.key() + " does not accept: " + e.getMessage());
        }
    }
}
