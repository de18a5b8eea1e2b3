package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import dev.portico.data.DatabaseSettings;
import dev.portico.metrics.MetricsSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The exit-code contract of {@code ./manage}, walked over the example's whole command tree: {@code --help} on every
 * command exits 0 with its usage; bad usage exits 2 with a one-line message and the usage; a failure while running
 * exits 1 with one line naming the command and the cause, never a stack trace.
 */
class ManageCommandsTest {
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/nowhere";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int manage(Consumer<PorticoConfig.Builder> settings, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return BlogApp.manage(settings).run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int manage(String... args) {
        return manage(b -> b.set(DatabaseSettings.URL, UNREACHABLE), args);
    }

    /** Every command's path below the root, as typed after {@code ./manage}: "serve", "apikey create", ... */
    private static List<String> commands(CommandLine line, String prefix, List<String> into) {
        line.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // an alias maps to the same command: walk it once
                String path = prefix.isEmpty() ? name : prefix + " " + name;
                into.add(path);
                commands(sub, path, into);
            }
        });
        return into;
    }

    @Test
    void everyCommandAndSubcommandPrintsItsUsageOnHelpAndExits0() {
        Manage manage = BlogApp.manage();
        List<String> all =
                commands(manage.commandLine(new PrintWriter(out), new PrintWriter(err)), "", new ArrayList<>());
        assertThat(all)
                .contains(
                        "serve",
                        "schema",
                        "schema diff",
                        "migrate",
                        "createuser",
                        "apikey",
                        "apikey create",
                        "apikey list",
                        "apikey revoke",
                        "role",
                        "role define",
                        "role grant",
                        "role list",
                        "user",
                        "user deactivate",
                        "user activate",
                        "user logout-everywhere",
                        "clearsessions",
                        "client",
                        "client typescript");
        all.add(0, "");
        for (String command : all) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : Arrays.asList(command.split(" ")));
                args.add(help);
                assertThat(manage(args.toArray(String[]::new)))
                        .as("./manage %s %s", command, help)
                        .isZero();
                assertThat(out.toString())
                        .as("./manage %s %s", command, help)
                        .startsWith("Usage: ./manage" + (command.isEmpty() ? "" : " " + command) + " ");
                assertThat(err.toString()).as("./manage %s %s", command, help).isEmpty();
            }
        }
    }

    @Test
    void printConfigListsTheLoggingAndMetricsKeysWithTheTokenMasked() {
        assertThat(manage(b -> b.set(MetricsSettings.TOKEN, "scraper-secret"), "--print-config"))
                .isZero();
        assertThat(out.toString())
                .contains(
                        "logging.format = text",
                        "metrics.enabled = false",
                        "metrics.path = /metrics",
                        "metrics.token = ********")
                .doesNotContain("scraper-secret");
    }

    @Test
    void badUsageExits2WithOneLineAndTheUsage() {
        List<List<String>> cases = List.of(
                List.of("nope"),
                List.of("--nope"),
                List.of("apikey"),
                List.of("apikey", "create"),
                List.of("apikey", "create", "--user", "ada", "--expires", "banana"),
                List.of("role", "grant"),
                List.of("schema", "--format", "xml"),
                List.of("migrate", "--info", "extra"),
                List.of("client"),
                List.of("client", "typescript"),
                List.of("createuser", "--username", "x", "--bogus"),
                List.of("user", "activate"));
        for (List<String> args : cases) {
            assertThat(manage(args.toArray(String[]::new)))
                    .as("./manage %s", args)
                    .isEqualTo(2);
            String[] lines = err.toString().split("\n");
            assertThat(lines[0])
                    .as("./manage %s", args)
                    .doesNotContain("Exception")
                    .isNotBlank();
            assertThat(lines[1]).as("./manage %s", args).startsWith("Usage: ./manage");
            assertThat(err.toString()).as("./manage %s", args).doesNotContain("\tat ");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void aFailureWhileRunningExits1WithOneLineNamingTheCommand(@TempDir Path dir) {
        List<List<String>> unreachable = List.of(
                List.of("migrate"),
                List.of("migrate", "--info"),
                List.of("apikey", "list", "--user", "ada"),
                List.of("apikey", "revoke", "k-0123456789abcdef"),
                List.of("createuser", "--username", "ada", "--no-password"),
                List.of("role", "list"),
                List.of("user", "activate", "ada"),
                List.of("clearsessions"));
        for (List<String> args : unreachable) {
            assertThat(manage(args.toArray(String[]::new)))
                    .as("./manage %s", args)
                    .isEqualTo(1);
            assertThat(err.toString())
                    .as("./manage %s", args)
                    .matches(String.join(" ", args.subList(0, args.get(0).matches("apikey|role|user") ? 2 : 1))
                            + ": cannot connect to the database at database.url = " + UNREACHABLE.replace(".", "\\.")
                            + ".*\n")
                    .doesNotContain("\tat ");
        }
        assertThat(manage(
                        "client",
                        "typescript",
                        "--out",
                        dir.resolve("ts").toString(),
                        "--schema",
                        dir.resolve("missing.yaml").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).endsWith("client typescript: no such file: " + dir.resolve("missing.yaml") + "\n");
    }

    @Test
    void migrateShowsEachMigrationAsItIsAppliedWithItsTime(@TempDir Path dir) throws Exception {
        String url = DatabaseSettings.EMBEDDED_URL.replace(
                "./data/portico", dir.resolve("blog").toString());
        assertThat(manage(b -> b.set(DatabaseSettings.URL, url), "migrate"))
                .as("%s", err)
                .isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).matches("Applying \\d+ migration\\(s\\) to jdbc:h2:.*:");
        int count = Integer.parseInt(lines[0].replaceAll("Applying (\\d+) .*", "$1"));
        assertThat(Arrays.asList(lines).subList(1, 1 + count))
                .allMatch(l ->
                        l.matches("  (auth/|admin/)?(V\\d+(_\\d+)*__\\w+\\.sql|[\\w.]+\\.V\\d+(_\\d+)?__\\w+) \\(\\d+"
                                + " ms\\)")); // SQL or Java
        assertThat(lines[1 + count]).matches("Applied " + count + " migration\\(s\\) to jdbc:h2:.* in \\d+ ms\\.");
        assertThat(manage(b -> b.set(DatabaseSettings.URL, url), "migrate")).isZero();
        assertThat(out.toString()).startsWith("No migrations to apply");
        assertThat(Files.exists(dir.resolve("blog.mv.db"))).isTrue();
    }
}
