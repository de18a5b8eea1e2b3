package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small app for tests that need a server in a JVM of its own (a real descriptor limit, one carrier): prints its port,
 * then serves {@code GET /api/hello/} until its standard input closes. Arguments: {@code server.max-connections}, then
 * optionally {@code server.accept-queue} (its default if not given).
 */
public final class ChildServer {
    record Hello(String message) {}

    private ChildServer() {}

    public static void main(String[] args) throws Exception {
        Portico app = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .set(Settings.SERVER_MAX_CONNECTIONS, Integer.parseInt(args[0]))
                        .set(Settings.SERVER_HEADER_TIMEOUT, Duration.ofSeconds(2))
                        .set(
                                Settings.SERVER_ACCEPT_QUEUE,
                                args.length > 1
                                        ? Integer.parseInt(args[1])
                                        : Settings.SERVER_ACCEPT_QUEUE.defaultValue())
                        .build())
                .shutdownHook(false)
                .get("/api/hello/", Hello.class, request -> new Hello("Hello!"))
                .build()
                .start();
        System.out.println("PORT " + app.port());
        System.out.println("LIMIT " + JettyServer.maxConnections(Integer.parseInt(args[0])));
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the test closes our input
        }
        app.stop();
    }

    /**
     * Starts the app in a JVM of its own with these JVM options and arguments, through {@code bash} so that
     * {@code shell} (a {@code ulimit}, or nothing) applies to it; returns once it printed its port.
     */
    static Running start(String shell, List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of("bash", "-c", (shell.isEmpty() ? "" : shell + " && ") + "exec \"$@\"", "child"));
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildServer.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int port = -1;
        int limit = -1;
        while (limit < 0) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            if (line.startsWith("PORT ")) {
                port = Integer.parseInt(line.substring(5).trim());
            } else if (line.startsWith("LIMIT ")) {
                limit = Integer.parseInt(line.substring(6).trim());
            }
        }
        assertThat(port).as("the child server printed its port").isPositive();
        Thread.ofVirtual()
                .start(
                        () -> { // the child's log must never fill the pipe and block it
                            try {
                                while (out.readLine() != null) {
                                    // discarded
                                }
                            } catch (IOException closed) {
                                // the child is gone
                            }
                        });
        return new Running(process, port, limit);
    }

    /** The app in its JVM: its port and connection limit; closing it closes the child's input, which stops it. */
    record Running(Process process, int port, int limit) implements AutoCloseable {
        /** How many sockets the child holds open (its listener among them), read from {@code /proc}. */
        long sockets() throws IOException {
            try (var descriptors = Files.list(Path.of("/proc", "" + process.pid(), "fd"))) {
                return descriptors.filter(Running::isSocket).count();
            }
        }

        /**
         * The CPU time the carriers of the child's virtual threads (the server's threads, the selector's among them)
         * have used so far, user and system, in clock ticks, read from {@code /proc}. The whole process's would count
         * its JIT compilers too, busy in a JVM this young.
         */
        long carrierCpuTicks() throws IOException {
            long ticks = 0;
            try (var threads = Files.list(Path.of("/proc", "" + process.pid(), "task"))) {
                for (Path thread : threads.toList()) {
                    try {
                        if (Files.readString(thread.resolve("comm")).startsWith("ForkJoinPool-")) {
                            String stat = Files.readString(thread.resolve("stat"));
                            String[] fields =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                        }
                    } catch (IOException endedMeanwhile) {
                        // a carrier that ended no longer counts
                    }
                }
            }
            return ticks;
        }

        private static boolean isSocket(Path descriptor) {
            try {
                return Files.readSymbolicLink(descriptor).toString().startsWith("socket:");
            } catch (IOException closedMeanwhile) {
                return false;
            }
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
