package dev.portico.data;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own (initdb into a temporary folder, its own port), for tests that stop it: the
 * machine's shared server must never be stopped. Runs the binaries of the newest {@code /usr/lib/postgresql/N/bin};
 * as root (CI), through {@code su postgres}, since PostgreSQL refuses to run as root.
 */
final class PrivatePostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The binaries' folder, if PostgreSQL is installed. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(
                            b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A new cluster, started. */
    static PrivatePostgres start(Path bin) throws Exception {
        Path dir = Files.createTempDirectory("portico-private-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivatePostgres pg = new PrivatePostgres(bin, dir, port);
        if (root()) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        pg.pg("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        pg.start();
        return pg;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/postgres}. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws Exception {
        pg(
                "pg_ctl",
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                "start");
    }

    /** Stops the server at once, as a crash or a failover would: every connection is cut. */
    void stopNow() throws Exception {
        pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    /** Stops the server if it runs and deletes its folder; never throws, so it cannot hide a test's failure. */
    @Override
    public void close() {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (Exception alreadyStopped) {
            // stopped by the test
        }
        try {
            run(List.of("rm", "-rf", dir.toString()));
        } catch (Exception e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private void pg(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        if (root()) {
            run(List.of(
                    "su",
                    "postgres",
                    "-c",
                    String.join(
                            " ", command.stream().map(PrivatePostgres::quote).toList())));
        } else {
            run(command);
        }
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
