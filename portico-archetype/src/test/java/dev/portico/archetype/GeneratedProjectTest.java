package dev.portico.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A project generated from this archetype, by a real nested Maven, as a newcomer makes one with
 * {@code docs/new-project.md}: {@code mvn -B archetype:generate ...} makes it; the README's two commands then work,
 * {@code mvn -B verify} (its own tests, which must run and pass) and {@code ./manage} (the app answers on
 * {@code /health}, the README's "Try it" lines run on it as written, and it stops on SIGTERM). The nested Maven sees this build's Portico modules through
 * {@link StagedRepository}, so nothing is installed into {@code ~/.m2}. The only change to the documented command is
 * the plugin version, pinned to the one this build uses so the test never depends on what Central calls newest.
 */
class GeneratedProjectTest {
    private static final String VERSION = System.getProperty("portico.version");
    private static final Path ROOT =
            Path.of(System.getProperty("portico.root")).toAbsolutePath().normalize();
    private static final Path MAVEN_HOME = Path.of(System.getProperty("maven.home"));
    private static final String ARCHETYPE_PLUGIN = "org.apache.maven.plugins:maven-archetype-plugin:"
            + System.getProperty("archetype.plugin.version") + ":generate";
    private static final Path WORK = ROOT.resolve("portico-archetype/target/generated-project");

    @Test
    void theGeneratedProjectBuildsPassesItsTestsAndServes() throws Exception {
        StagedRepository staged = StagedRepository.create(
                ROOT,
                VERSION,
                WORK.resolve("maven-home"),
                Path.of(System.getProperty("user.home"), ".m2", "repository"));
        NestedMaven maven = new NestedMaven(MAVEN_HOME, staged, WORK.resolve("logs"));
        Path projects = NestedMaven.fresh(WORK.resolve("projects"));

        NestedMaven.Result generate = maven.mvn(
                projects,
                Duration.ofMinutes(3),
                "-B",
                ARCHETYPE_PLUGIN,
                "-DarchetypeGroupId=dev.portico",
                "-DarchetypeArtifactId=portico-archetype",
                "-DarchetypeVersion=" + VERSION,
                "-DarchetypeCatalog=local",
                "-DgroupId=com.example",
                "-DartifactId=myapi",
                "-Dpackage=com.example.myapi");
        succeeded("archetype:generate", generate);
        Path project = projects.resolve("myapi");
        assertThat(project.resolve("src/main/java/com/example/myapi/Application.java"))
                .isRegularFile();
        assertThat(project.resolve("manage")).isExecutable();
        assertThat(ManageScriptTest.shared(Files.readString(project.resolve("manage"))))
                .as("the generated manage starts as fast as the example's")
                .isEqualTo(ManageScriptTest.shared(Files.readString(ManageScriptTest.EXAMPLE)));
        assertThat(Files.readString(project.resolve("README.md")))
                .as("the README's two commands, run below")
                .contains("\n    ./manage\n", "\n    mvn -B verify\n")
                .as("its headings (Velocity reads a line starting ## as a comment)")
                .contains("\n## Two commands\n", "\n## Try it\n", "\n## What is where\n");

        NestedMaven.Result verify = maven.mvn(project, Duration.ofMinutes(5), "-B", "verify");
        succeeded("mvn -B verify", verify);
        assertThat(testsRun(project)).as("tests the generated project ran").isGreaterThanOrEqualTo(10);

        Duration serve = serves(maven, project);
        Duration unchanged = buildsOnlyWhenChanged(maven, project);
        System.out.printf(
                "generated project: archetype:generate %.1f s, mvn -B verify %.1f s, ./manage up in %.1f s,"
                        + " ./manage --help unchanged %.1f s%n",
                seconds(generate.took()), seconds(verify.took()), seconds(serve), seconds(unchanged));
    }

    /**
     * {@code ./manage} runs Maven only when a source or the pom is newer than its last build (its stamp): with nothing
     * changed a command starts at once; a source saved since makes it build first. Returns the unchanged run's time.
     */
    private static Duration buildsOnlyWhenChanged(NestedMaven maven, Path project) throws Exception {
        Path stamp = project.resolve("target/manage.stamp");
        FileTime built = Files.getLastModifiedTime(stamp);
        long begun = System.nanoTime();
        runs(maven, project, "./manage", "--help");
        Duration took = Duration.ofNanos(System.nanoTime() - begun);
        assertThat(Files.getLastModifiedTime(stamp))
                .as("nothing changed: no build")
                .isEqualTo(built);
        Files.setLastModifiedTime(
                project.resolve("src/main/java/com/example/myapi/Notes.java"),
                FileTime.from(java.time.Instant.now().plusSeconds(2)));
        runs(maven, project, "./manage", "--help");
        assertThat(Files.getLastModifiedTime(stamp))
                .as("a source changed: built again")
                .isNotEqualTo(built);
        return took;
    }

    private static void runs(NestedMaven maven, Path project, String... command) throws Exception {
        NestedMaven.Started run = maven.start(project, List.of(command), Map.of());
        assertThat(run.process().waitFor(3, java.util.concurrent.TimeUnit.MINUTES))
                .as(String.join(" ", command))
                .isTrue();
        assertThat(run.process().exitValue()).as(NestedMaven.tail(run.output())).isZero();
    }

    /** {@code ./manage} builds and starts the app; it answers on {@code /health}, then stops on SIGTERM. */
    private static Duration serves(NestedMaven maven, Path project) throws Exception {
        int port = NestedMaven.freePort();
        long begun = System.nanoTime();
        NestedMaven.Started manage = maven.start(project, List.of("./manage"), Map.of("PORT", String.valueOf(port)));
        try {
            HttpResponse<String> health = manage.awaitAnswer(port, "/health", Duration.ofMinutes(2));
            Duration took = Duration.ofNanos(System.nanoTime() - begun);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            triesIt(maven, project, port);
            manage.process().destroy(); // SIGTERM: exec'd java receives it directly
            assertThat(manage.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("./manage stops on SIGTERM")
                    .isTrue();
            assertThat(manage.process().exitValue())
                    .as(NestedMaven.tail(manage.output()))
                    .isIn(0, 143);
            return took;
        } finally {
            if (manage.process().isAlive()) {
                manage.kill();
            }
        }
    }

    /**
     * Runs the README's "Try it" lines as they are written, on the running app (its port in place of 8000): a user
     * made by {@code ./manage createuser}, a token from {@code /auth/obtain_token/}, a note created and found.
     */
    private static void triesIt(NestedMaven maven, Path project, int port) throws Exception {
        String script = tryItLines(Files.readString(project.resolve("README.md")))
                .replace("localhost:8000", "localhost:" + port);
        NestedMaven.Started run = maven.start(project, List.of("bash", "-eo", "pipefail", "-c", script), Map.of());
        boolean ended = run.process().waitFor(3, java.util.concurrent.TimeUnit.MINUTES);
        if (!ended) {
            run.kill();
        }
        String output = run.output();
        assertThat(ended)
                .as("the README's Try it lines ended:\n" + NestedMaven.tail(output))
                .isTrue();
        assertThat(run.process().exitValue())
                .as("the README's Try it lines:\n" + output)
                .isZero();
        assertThat(output)
                .as("the README's Try it lines")
                .contains("HTTP/1.1 201", "\"title\":\"Shopping\"", "\"count\":1");
    }

    /** The indented lines under the README's "## Try it" heading, unindented: a shell script. */
    static String tryItLines(String readme) {
        StringBuilder script = new StringBuilder();
        boolean inside = false;
        for (String line : readme.split("\n", -1)) {
            if (line.startsWith("## ")) {
                inside = line.equals("## Try it");
            } else if (inside && line.startsWith("    ")) {
                script.append(line.substring(4)).append('\n');
            } else if (inside && !line.isBlank() && !script.isEmpty()) {
                break; // the prose after the block
            }
        }
        assertThat(script).as("the README has a Try it block").isNotEmpty();
        return script.toString();
    }

    private static void succeeded(String what, NestedMaven.Result result) {
        assertThat(result.exitCode())
                .as(what + " failed:\n" + NestedMaven.tail(result.output()))
                .isZero();
    }

    /** The tests surefire ran in {@code project}, from its reports; failing tests already failed the build. */
    private static int testsRun(Path project) throws IOException {
        Pattern tests = Pattern.compile("<testsuite [^>]*?tests=\"(\\d+)\"");
        int run = 0;
        try (Stream<Path> reports = Files.list(project.resolve("target/surefire-reports"))) {
            for (Path report : reports.filter(p -> p.getFileName().toString().startsWith("TEST-"))
                    .toList()) {
                Matcher m = tests.matcher(Files.readString(report));
                run += m.find() ? Integer.parseInt(m.group(1)) : 0;
            }
        }
        return run;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
