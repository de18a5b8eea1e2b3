package dev.portico.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The node project of {@code portico-core/src/test/browser} (playwright-core, @redocly/cli), which Maven installs
 * with {@code npm ci} before the tests ({@code install.sh}), and Debian's Chromium. Every module's tests use
 * that one project (the example app's through portico-core's test-jar). On a developer's machine
 * without them, the tests that need them are skipped with the reason; under {@code CI=true} they fail.
 */
public final class NodeTools {
    /** Where the node project lives, from the repository root. */
    static final String LOCATION = "portico-core/src/test/browser";

    private static final Path PROJECT = locate();
    /** A bound on a hung tool, far above what a run takes, so a broken browser cannot stall the build. */
    private static final long LIMIT_SECONDS = 300;

    /** What a command printed, and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {}

    private NodeTools() {}

    /** The node project's folder, once its packages are installed; skips or fails the test otherwise. */
    public static Path project() {
        require(
                Files.isDirectory(PROJECT.resolve("node_modules/playwright-core"))
                        && Files.isDirectory(PROJECT.resolve("node_modules/@redocly/cli")),
                "the node packages of " + PROJECT + " are not installed (Maven's test phase runs install.sh; "
                        + "it needs node and npm)");
        return PROJECT;
    }

    /** Debian's Chromium ({@code $PORTICO_CHROMIUM} or /usr/bin/chromium); skips or fails the test without it. */
    public static Path chromium() {
        String configured = System.getenv("PORTICO_CHROMIUM");
        Path chromium = Path.of(configured == null || configured.isEmpty() ? "/usr/bin/chromium" : configured);
        require(
                Files.isExecutable(chromium),
                "no Chromium at " + chromium + " (apt-get install chromium; .ci/run does)");
        return chromium;
    }

    /** Runs {@code command} in the node project's folder, with Redocly's calls home turned off. */
    public static Result run(List<String> command) throws IOException, InterruptedException {
        return run(project(), command);
    }

    /**
     * Runs one of the node project's browser scripts ({@code admin.mjs}, {@code swagger-ui-session.mjs}, ...) with
     * {@code args} and answers the JSON report it prints; fails the test, with what the script printed, when it exits
     * with an error or its report names one.
     */
    public static com.fasterxml.jackson.databind.JsonNode browserReport(String script, String... args)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("node", project().resolve(script).toString()));
        command.addAll(List.of(args));
        Result result = run(command);
        if (result.exitCode() != 0) {
            fail(script + " failed:\n" + result.stderr());
        }
        com.fasterxml.jackson.databind.JsonNode report = Bodies.json(result.stdout());
        System.out.println("[browser] " + report.toPrettyString());
        if (!report.path("error").isMissingNode() && !report.path("error").isNull()) {
            fail("the browser run failed: " + report.path("error").asText());
        }
        return report;
    }

    /** Runs {@code command} in {@code directory} (another node project, such as the example's client tools). */
    public static Result run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("portico-node-", ".out");
        Path err = Files.createTempFile("portico-node-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = builder.start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(command + " did not finish within " + LIMIT_SECONDS + " s; it printed:\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The node project: {@code -Dportico.browser.dir} if set, otherwise {@value #LOCATION} in the nearest
     * folder above the working directory that has it, so it is the same one for every module's tests
     * (surefire runs each module in its own directory). Unfound, it is the path {@link #project()} reports.
     */
    private static Path locate() {
        String configured = System.getProperty("portico.browser.dir");
        if (configured != null && !configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(LOCATION).resolve("package.json"))) {
                return dir.resolve(LOCATION);
            }
        }
        return start.resolve(LOCATION);
    }

    private static void require(boolean available, String reason) {
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, so this test must run, but " + reason);
            }
            Assumptions.abort("skipped: " + reason);
        }
    }
}
