package dev.portico.archetype;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Commands run as a user runs them, in a shell-less child process whose Maven reads the staged settings (through
 * {@code MAVEN_OPTS=-Duser.home=...}); each command's output goes to a log file, shown when it fails.
 */
final class NestedMaven {
    private final Path mavenHome;
    private final StagedRepository staged;
    private final Path logs;
    private int count;

    NestedMaven(Path mavenHome, StagedRepository staged, Path logs) {
        this.mavenHome = mavenHome;
        this.staged = staged;
        this.logs = logs;
    }

    /** What a finished command printed, its exit code and how long it took. */
    record Result(int exitCode, String output, Duration took) {}

    /** Runs {@code mvn args...} in {@code dir} and waits at most {@code timeout}. */
    Result mvn(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(mavenHome.resolve("bin/mvn").toString());
        command.addAll(List.of(args));
        return run(dir, timeout, command);
    }

    /** Runs {@code command} in {@code dir} and waits at most {@code timeout}. */
    Result run(Path dir, Duration timeout, List<String> command) throws IOException, InterruptedException {
        Started started = start(dir, command, Map.of());
        long begun = System.nanoTime();
        if (!started.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            started.kill();
            throw new AssertionError(
                    String.join(" ", command) + " took more than " + timeout + "; output:\n" + tail(started.output()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begun);
        return new Result(started.process().exitValue(), started.output(), took);
    }

    /** A running command and the file its output goes to. */
    record Started(Process process, Path log) {
        String output() throws IOException {
            return Files.readString(log);
        }

        /** Stops the command and every process it started, at once. */
        /**
         * The first answer of {@code GET http://127.0.0.1:<port><path>} once the command's server is up, polling until
         * {@code timeout}; fails with the command's output when it exits first or never answers.
         */
        java.net.http.HttpResponse<String> awaitAnswer(int port, String path, Duration timeout) throws Exception {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError(process.info().command().orElse("the command") + " exited with "
                            + process.exitValue() + ":\n" + tail(output()));
                }
                try {
                    return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            throw new AssertionError(
                    "nothing answered on port " + port + " within " + timeout + ":\n" + tail(output()));
        }

        void kill() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts {@code command} in {@code dir} with {@code env} added, output to a new log file. */
    Started start(Path dir, List<String> command, Map<String, String> env) throws IOException {
        Path log = logs.resolve(
                String.format("%02d-%s.log", ++count, Path.of(command.get(0)).getFileName()));
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String opts = System.getenv().getOrDefault("MAVEN_OPTS", "");
        builder.environment().put("MAVEN_OPTS", (opts + " -Duser.home=" + staged.home()).trim());
        // the outer build's own Maven settings must not leak into the user's view of things
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().putAll(env);
        return new Started(builder.start(), log);
    }

    /** The last lines of {@code output}: enough to see why a build failed. */
    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** {@code dir}, emptied of an earlier run's files. */
    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** A loopback port free now, for a nested server. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
