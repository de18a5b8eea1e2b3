import com.palantir.javaformat.java.Formatter;
import com.palantir.javaformat.java.FormatterException;
import com.palantir.javaformat.java.JavaFormatterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks or rewrites every Java file of the repository with palantir-java-format, the build's formatting gate.
 *
 * <p>The root pom runs it with the toolchain's JDK (21+), because the formatter parses with the running JDK's
 * {@code javac}, and Maven itself may run on 17, whose parser rejects Java 21 syntax such as {@code case X x when}.
 * The usual way to run it by hand is {@code mvn -N validate -Dformat=apply}.
 *
 * <p>{@code check} lists the files that differ from the formatter's output and exits 1; {@code apply} rewrites them,
 * then copies each reformatted region that a Markdown page quotes ({@code <!-- sample: path#region -->} above a
 * ```java block) into that page, so docs/samples' {@code DocsSamplesTest} still finds the page equal to its source.
 * {@code expect-drift} is the gate's own test: it exits 0 only when every file it is given is reported. A file the
 * formatter cannot parse exits 2, naming the file and the error; no file at all exits 2 too, so a wrong root cannot
 * pass as formatted.
 */
public final class Format {

    /** Build outputs, installed tools and version control: never the project's own sources. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules");

    /**
     * The archetype's templates (under {@code archetype-resources}) start with {@code package ${package};}, a Velocity
     * variable that is not Java. It is swapped for an identifier of the same length while formatting, then put back.
     */
    private static final String TEMPLATE_VARIABLE = "${package}";

    private static final String TEMPLATE_STAND_IN = "$package__";

    /** Passes of the formatter over one file at most; two were enough for all of this code. */
    private static final int MAX_PASSES = 3;

    /** How many unformatted files the check names: enough to see the cause, not a wall of text. */
    private static final int LISTED = 20;

    private static final String APPLY_COMMAND = "mvn -N validate -Dformat=apply";

    private Format() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !Set.of("check", "apply", "expect-drift").contains(args[0])) {
            System.err.println("usage: Format.java check|apply|expect-drift <root directory>");
            System.exit(64);
        }
        Path root = Path.of(args[1]).toAbsolutePath().normalize();
        List<Path> files = files(root, ".java");
        if (files.isEmpty()) {
            System.err.println("[format] no Java file under " + root);
            System.exit(2);
        }
        Formatter formatter = Formatter.createFormatter(JavaFormatterOptions.builder()
                .style(JavaFormatterOptions.Style.PALANTIR)
                .build());
        List<Result> results =
                files.parallelStream().map(file -> format(formatter, file)).toList();
        System.exit(
                switch (args[0]) {
                    case "apply" -> apply(root, files.size(), results);
                    case "check" -> check(root, files.size(), results);
                    default -> expectDrift(root, results);
                });
    }

    /** Every file named {@code *suffix} under {@code root}, outside hidden, build and tool directories. */
    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(suffix))
                    .filter(path -> Files.isRegularFile(path))
                    .filter(path -> !skipped(root.relativize(path)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean skipped(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String name = relative.getName(i).toString();
            if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** One file's outcome: its formatted text when it differs, or the formatter's error. */
    record Result(Path file, Optional<String> formatted, Optional<String> error) {}

    private static Result format(Formatter formatter, Path file) {
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            boolean template = file.toString().contains("/archetype-resources/");
            String input = template ? source.replace(TEMPLATE_VARIABLE, TEMPLATE_STAND_IN) : source;
            String output = stable(formatter, input);
            if (template) {
                output = output.replace(TEMPLATE_STAND_IN, TEMPLATE_VARIABLE);
            }
            Optional<String> changed = output.equals(source) ? Optional.empty() : Optional.of(output);
            return new Result(file, changed, Optional.empty());
        } catch (FormatterException e) {
            return new Result(file, Optional.empty(), Optional.of(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The formatter's output, formatted again until it no longer changes: a text block after a long line may move
     * once more on the second pass, and the check must accept what {@code apply} wrote.
     */
    private static String stable(Formatter formatter, String source) throws FormatterException {
        String output = formatter.formatSourceAndFixImports(source);
        for (int pass = 1; pass < MAX_PASSES && !output.equals(source); pass++) {
            source = output;
            output = formatter.formatSourceAndFixImports(source);
        }
        return output;
    }

    private static int apply(Path root, int count, List<Result> results) throws IOException {
        List<Result> changed = changed(results);
        for (Result r : changed) {
            Files.writeString(r.file(), r.formatted().get(), StandardCharsets.UTF_8);
        }
        System.out.println("[format] " + changed.size() + " of " + count + " Java files reformatted; "
                + DocsSamples.update(root) + " docs samples copied from them");
        return errors(root, results);
    }

    private static int check(Path root, int count, List<Result> results) {
        List<Result> changed = changed(results);
        if (changed.isEmpty()) {
            System.out.println("[format] " + count + " Java files formatted");
        } else {
            changed.stream()
                    .limit(LISTED)
                    .forEach(r -> System.err.println("[format] not formatted: " + root.relativize(r.file())));
            if (changed.size() > LISTED) {
                System.err.println("[format] ... and " + (changed.size() - LISTED) + " more");
            }
            System.err.println("[format] " + changed.size() + " of " + count
                    + " Java files differ from palantir-java-format's output. Fix: " + APPLY_COMMAND);
        }
        return Math.max(errors(root, results), changed.isEmpty() ? 0 : 1);
    }

    /** The gate's own test: passes only when the check reports the mis-indented files it is given. */
    private static int expectDrift(Path root, List<Result> results) {
        if (changed(results).size() == results.size()) {
            System.out.println("[format] the check reports the " + results.size() + " mis-indented file(s) of "
                    + root.getFileName() + ", as it must");
            return 0;
        }
        System.err.println("[format] the check passed a mis-indented file of " + root + ": the gate is broken");
        return 1;
    }

    private static List<Result> changed(List<Result> results) {
        return results.stream().filter(r -> r.formatted().isPresent()).toList();
    }

    /** Prints the files the formatter could not parse; 2 when there are some. */
    private static int errors(Path root, List<Result> results) {
        List<Result> errors =
                results.stream().filter(r -> r.error().isPresent()).toList();
        errors.forEach(r -> System.err.println("[format] cannot parse " + root.relativize(r.file()) + ": "
                + r.error().get()));
        return errors.isEmpty() ? 0 : 2;
    }
}

/** The Markdown pages' ```java samples, copied from the test regions they quote (docs/samples' convention). */
final class DocsSamples {
    private static final Pattern MARKER = Pattern.compile("<!--\\s*sample:\\s*(\\S+?\\.java)#(\\S+)\\s*-->");

    private DocsSamples() {}

    /** Rewrites every page whose samples differ from their regions; returns how many samples changed. */
    static int update(Path root) throws IOException {
        int changed = 0;
        for (Path page : Format.files(root, ".md")) {
            List<String> lines = new ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
            int pageChanged = 0;
            for (int i = 1; i < lines.size(); i++) {
                Matcher marker = MARKER.matcher(lines.get(i - 1).strip());
                if (marker.matches() && lines.get(i).strip().equals("```java")) {
                    pageChanged += copy(root, lines, i, marker.group(1), marker.group(2)) ? 1 : 0;
                }
            }
            if (pageChanged > 0) {
                Files.writeString(page, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                changed += pageChanged;
            }
        }
        return changed;
    }

    /** Replaces the block whose fence is at {@code fence} by the region, at the fence's indentation. */
    private static boolean copy(Path root, List<String> lines, int fence, String path, String region)
            throws IOException {
        Path source = root.resolve(path);
        int end = fence + 1;
        while (end < lines.size() && !lines.get(end).strip().equals("```")) {
            end++;
        }
        if (!Files.isRegularFile(source) || end == lines.size()) {
            return false;
        }
        Optional<List<String>> text = region(Files.readAllLines(source, StandardCharsets.UTF_8), region);
        if (text.isEmpty()) {
            return false;
        }
        String indent = " ".repeat(lines.get(fence).indexOf('`'));
        List<String> block = dedent(text.get()).stream()
                .map(line -> line.isEmpty() ? "" : indent + line)
                .toList();
        List<String> old = lines.subList(fence + 1, end);
        if (old.stream().map(String::stripTrailing).toList().equals(block)) {
            return false;
        }
        old.clear();
        old.addAll(block);
        return true;
    }

    /** The lines between {@code // region name} and {@code // endregion name}, if both are there. */
    private static Optional<List<String>> region(List<String> lines, String name) {
        int start = lines.stream().map(String::strip).toList().indexOf("// region " + name);
        if (start < 0) {
            return Optional.empty();
        }
        for (int i = start + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// endregion " + name)) {
                return Optional.of(lines.subList(start + 1, i));
            }
        }
        return Optional.empty();
    }

    /** The lines without their common indentation (blank lines do not count) and trailing spaces. */
    private static List<String> dedent(List<String> lines) {
        int common = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(line -> line.isBlank() ? "" : line.substring(common).stripTrailing())
                .toList();
    }
}
