package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./manage} script and the JDK's ahead-of-time cache: the first command after a build
 * trains the cache, the next ones use it as it is, and {@code MANAGE_AOT=0} leaves it out. The script runs on a copy
 * of the build's layout ({@code examples/blog/target/} with the app's jar and {@code classpath.txt}) made from this
 * test's classpath, so it needs no Maven and leaves the real build alone; it needs a JDK 25 or newer. The commands'
 * cache holds their own classes: its training run runs the commands, those that write included, on a database of its
 * own. serve's cache is trained by serve.
 */
class ManageAotTest {

    @Test
    void theFirstCommandTrainsTheCacheTheNextUseItAndManageAot0LeavesItOut(@TempDir Path root) throws Exception {
        Path jdk = jdk25().orElse(null);
        if (jdk == null) {
            System.err.println("ManageAotTest skipped: no JDK 25 or newer (JAVA_HOME, the test's JVM, /usr/lib/jvm)");
        }
        Assumptions.assumeTrue(jdk != null, "no JDK 25 or newer: the ahead-of-time cache needs one");
        layout(root);
        Path cache = root.resolve("examples/blog/target/commands.aot");

        Result first = manage(root, jdk, Map.of(), "--version");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Portico");
        assertThat(first.err()).contains("training the JDK's ahead-of-time cache");
        assertThat(cache).isNotEmptyFile();
        assertThat(root.resolve("data/portico.mv.db"))
                .as("the training's commands write, so they ran on a database of their own")
                .doesNotExist();
        FileTime trained = Files.getLastModifiedTime(cache);

        // AOTMode=on: the JVM refuses to start rather than run without a cache it cannot use
        Result second = manage(root, jdk, Map.of("JDK_JAVA_OPTIONS", "-XX:AOTMode=on"), "--version");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("training").doesNotContain("[error]");
        assertThat(Files.getLastModifiedTime(cache))
                .as("reused, not trained again")
                .isEqualTo(trained);

        // the commands' training ran the commands: a command's own classes come from the cache, not the jars
        assertLoadedFromCache(root, jdk, "dev.portico.data.MigrateCommand", "migrate", "--info");
        // and the commands that write: creating a user checks its name's look-alikes, first done in the training
        assertThat(manage(root, jdk, Map.of(), "migrate").code()).isZero();
        assertLoadedFromCache(
                root, jdk, "dev.portico.auth.accounts.Usernames", "createuser", "--username", "ada", "--no-password");

        Files.delete(cache);
        Result off = manage(root, jdk, Map.of("MANAGE_AOT", "0"), "--version");
        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.err()).doesNotContain("training");
        assertThat(cache).doesNotExist();
    }

    /**
     * The training's own database is the embedded default's (DatabaseSettings.EMBEDDED_URL) in a folder of its own:
     * the same options, so its migrations run as the developer's would.
     */
    @Test
    void theTrainingsDatabaseHasTheEmbeddedDefaultsOptions() throws IOException {
        String script = Files.readString(Path.of("../../manage"));
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("TRAIN_DATABASE_URL=\"([^\"]+)\"")
                .matcher(script);
        assertThat(url.find()).as("TRAIN_DATABASE_URL in ./manage").isTrue();
        assertThat(url.group(1).replace("@DIR@/portico", "./data/portico"))
                .isEqualTo(dev.portico.data.DatabaseSettings.EMBEDDED_URL);
    }

    private record Result(int code, String out, String err) {}

    /** Runs a command with the cache required, and checks that {@code type} came from it rather than from a jar. */
    private static void assertLoadedFromCache(Path root, Path jdk, String type, String... command) throws Exception {
        Path loaded = root.resolve("classes.log");
        Result result = manage(
                root, jdk, Map.of("JDK_JAVA_OPTIONS", "-XX:AOTMode=on -Xlog:class+load=info:file=" + loaded), command);
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Files.readAllLines(loaded))
                .filteredOn(line -> line.contains(" " + type + " "))
                .singleElement()
                .asString()
                .contains("source: shared objects file");
    }

    private static Result manage(Path root, Path jdk, Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("manage").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("MANAGE_NO_BUILD", "1"); // the layout is the build: Maven is never called
        builder.environment().remove("MANAGE_JAVA_OPTS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./manage " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The script, and the app's jar and classpath where the script looks for them, from this test's classpath. */
    private static void layout(Path root) throws IOException {
        Path script = Path.of("../../manage").toAbsolutePath().normalize();
        Files.copy(script, root.resolve("manage"));
        Path target = Files.createDirectories(root.resolve("examples/blog/target"));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (path.endsWith("test-classes")) {
                continue;
            }
            if (path.endsWith(Path.of("examples/blog/target/classes"))) {
                jar(path, target.resolve("blog-0.1.0-SNAPSHOT.jar"));
            } else if (Files.isDirectory(path)) { // the cache takes jars only: a module's classes folder is jarred
                Path jar = target.resolve("dependency-" + n++ + ".jar");
                jar(path, jar);
                entries.add(jar.toString());
            } else if (Files.exists(path)) {
                entries.add(path.toString());
            }
        }
        Files.writeString(target.resolve("classpath.txt"), String.join(":", entries), StandardCharsets.UTF_8);
        Files.writeString(target.resolve("manage.stamp"), "");
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(
                        new ZipEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }

    /** A JDK 25+ home: JAVA_HOME's, this JVM's, or one under /usr/lib/jvm, as the script would find. */
    private static Optional<Path> jdk25() throws IOException {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> list = Files.list(jvms)) {
                list.sorted().forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path release = home.resolve("release");
            if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=\"")) {
                        String major =
                                line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0];
                        if (major.matches("\\d+") && Integer.parseInt(major) >= 25) {
                            return Optional.of(home);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
