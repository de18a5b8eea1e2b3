package dev.portico.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.Setting;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ManageTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Manage manage, String... args) {
        return manage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Manage manage() {
        Setting<String> secret = Setting.secret("app.secret-key", "not-a-real-secret", "Signs tokens.");
        return Manage.create(config -> Portico.builder().config(config))
                .name("./manage")
                .settings(b -> b.register(secret));
    }

    @Test
    void printConfigShowsEveryKeyWithSecretsMasked() {
        assertThat(run(manage(), "--print-config")).isZero();
        assertThat(out.toString())
                .contains("server.port = ")
                .contains("app.secret-key = ********")
                .contains("logging.format = text")
                .doesNotContain("not-a-real-secret");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run(manage(), "--help")).isZero();
        assertThat(out.toString()).contains("./manage").contains("serve").contains("--print-config");
    }

    @Test
    void everyCommandServeTooHoldsThePoolAndMigrationLibrariesAtWarnButKeepsALevelTheAppSets() {
        ch.qos.logback.classic.LoggerContext logback =
                (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger hikari = logback.getLogger("com.zaxxer.hikari");
        ch.qos.logback.classic.Logger flyway = logback.getLogger("org.flywaydb");
        try {
            hikari.setLevel(null);
            flyway.setLevel(ch.qos.logback.classic.Level.DEBUG); // as an app's logback.xml might
            assertThat(run(manage(), "serve", "--help")).isZero();
            assertThat(hikari.getLevel())
                    .as("serve starts in a few lines too")
                    .isEqualTo(ch.qos.logback.classic.Level.WARN);
            hikari.setLevel(null);
            assertThat(run(manage(), "schema", "--help")).isZero();
            assertThat(hikari.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(org.slf4j.LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool")
                            .isInfoEnabled())
                    .isFalse();
            assertThat(flyway.getLevel()).as("the app's own level").isEqualTo(ch.qos.logback.classic.Level.DEBUG);
        } finally {
            hikari.setLevel(null);
            flyway.setLevel(null);
        }
    }

    @Test
    void serveExitAfterStartStartsTheAppThenStops() {
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger stopped = new java.util.concurrent.atomic.AtomicInteger();
        Manage manage = Manage.create(config -> Portico.builder()
                        .config(config)
                        .shutdownHook(false)
                        .onStart(started::incrementAndGet)
                        .onStop(stopped::incrementAndGet))
                .name("./manage")
                .settings(b -> b.set(dev.portico.config.Settings.SERVER_PORT, 0)
                        .set(dev.portico.config.Settings.SERVER_HOST, "127.0.0.1"));
        assertThat(run(manage, "serve", "--exit-after-start")).isZero();
        assertThat(started).hasValue(1);
        assertThat(stopped).hasValue(1);
        assertThat(out.toString()).doesNotContain("Ctrl-C");
    }

    /** A command of the app's own that counts its runs, prints, and fails when asked. */
    @picocli.CommandLine.Command(name = "count")
    static final class Count implements java.util.concurrent.Callable<Integer> {
        static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Option(names = "--fail")
        boolean fail;

        @Override
        public Integer call() {
            RUNS.incrementAndGet();
            spec.commandLine().getOut().println("counted");
            if (fail) {
                throw new IllegalStateException("asked to fail");
            }
            return 0;
        }
    }

    @Test
    void aTrainingRunOfTheCacheRunsTheNamedCommandsIntoTheVoidThenServes() {
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        Manage manage = Manage.create(config ->
                        Portico.builder().config(config).shutdownHook(false).onStart(started::incrementAndGet))
                .name("./manage")
                .command(new Count())
                .settings(b -> b.set(dev.portico.config.Settings.SERVER_PORT, 0)
                        .set(dev.portico.config.Settings.SERVER_HOST, "127.0.0.1"));
        Count.RUNS.set(0);
        System.setProperty(Manage.TRAINING_COMMANDS, "count; count --fail ;no-such-command;;--help");
        try {
            assertThat(run(manage, "serve", "--exit-after-start")).isZero();
        } finally {
            System.clearProperty(Manage.TRAINING_COMMANDS);
        }
        assertThat(Count.RUNS).as("a failing command stops nothing").hasValue(2);
        assertThat(started).hasValue(1);
        assertThat(out.toString()).doesNotContain("counted").doesNotContain("Usage");
        assertThat(err.toString()).isEmpty();

        assertThat(run(manage, "serve", "--exit-after-start"))
                .as("without the property, no command")
                .isZero();
        assertThat(Count.RUNS).hasValue(2);
    }

    @Test
    void theTrainingCommandsRunBeforeAnyCommandOnceEach() {
        Manage manage = manage().command(new Count());
        Count.RUNS.set(0);
        System.setProperty(Manage.TRAINING_COMMANDS, "count;--version");
        try {
            assertThat(run(manage, "--version")).isZero();
        } finally {
            System.clearProperty(Manage.TRAINING_COMMANDS);
        }
        assertThat(Count.RUNS).hasValue(1);
        assertThat(out.toString().lines())
                .as("the asked --version only")
                .singleElement()
                .asString()
                .startsWith("Portico");
    }

    @Test
    void serveBuildsTheAppOnceWhetherPicocliParsesItOrNot() {
        for (String[] args : new String[][] {{"serve", "--exit-after-start"}, {"serve", "--exit-after-start", "--"}}) {
            java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
            Manage manage = Manage.create(config -> {
                        built.incrementAndGet();
                        return Portico.builder().config(config).shutdownHook(false);
                    })
                    .settings(b -> b.set(dev.portico.config.Settings.SERVER_PORT, 0)
                            .set(dev.portico.config.Settings.SERVER_HOST, "127.0.0.1"));
            assertThat(run(manage, args)).as(String.join(" ", args)).isZero();
            assertThat(built).as("the surveyed builder is the one served").hasValue(1);
        }
    }

    @Test
    void aFailureToBuildTheAppReadsTheSameWithAndWithoutTheCommandLine() {
        Manage manage = Manage.create(config -> {
                    throw new IllegalStateException("no secret");
                })
                .name("./manage");
        for (String[] args : new String[][] {{}, {"serve"}, {"schema"}}) {
            err.getBuffer().setLength(0);
            assertThat(run(manage, args)).as(String.join(" ", args)).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("./manage: no secret" + System.lineSeparator());
        }
    }

    @Test
    void anUnknownCommandListsEveryCommand() {
        assertThat(run(manage(), "nope")).isEqualTo(2);
        assertThat(err.toString())
                .contains("Unmatched argument")
                .contains("serve")
                .contains("schema");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        assertThat(run(manage(), "--nope")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }

    @picocli.CommandLine.Command(name = "count", description = "Count the paths.")
    static final class CountPaths implements java.util.concurrent.Callable<Integer> {
        private final Manage manage;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        CountPaths(Manage manage) {
            this.manage = manage;
        }

        @Override
        public Integer call() {
            var paths =
                    manage.openapi(dev.portico.openapi.SpecVersion.V3_0).model().getPaths();
            spec.commandLine().getOut().println("paths: " + (paths == null ? 0 : paths.size()));
            return 0;
        }
    }

    @Test
    void aSchemaSubcommandFromAnotherModuleRunsUnderSchemaAndLeavesSchemaAsItWas() {
        Manage manage = Manage.create(
                config -> Portico.builder().config(config).get("/api/hello/", String.class, r -> "hello"));
        manage.schemaCommand(new CountPaths(manage));
        assertThat(run(manage, "schema", "count")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("paths: 1");
        assertThat(run(manage, "schema", "--help")).isZero();
        assertThat(out.toString()).contains("count", "Count the paths.", "--file");
        assertThat(run(manage, "schema", "--format", "json")).isZero();
        assertThat(out.toString()).contains("\"openapi\" : \"3.1.0\"", "/api/hello/");
    }
}
