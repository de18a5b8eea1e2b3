package dev.portico.docs.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docs convention as a function from a page to its problems, each naming the page and line, so the test can
 * report all of them at once:
 * <ul>
 *   <li>every ```java block is preceded by {@code <!-- sample: path#region -->} and equals that region of a test
 *       source of a module the root pom builds;</li>
 *   <li>a ```ts, ```typescript, ```sql, ```yaml or ```xml block may be marked the same way, with a region of any
 *       file of the repository, or with {@code <!-- file: path -->} as a copy of a whole file; marked, it is checked,
 *       unmarked, it is an illustration;</li>
 *   <li>a ```text block must not look like Java: Java belongs in a ```java sample, where it is compiled.</li>
 * </ul>
 */
final class Samples {
    private static final Pattern SAMPLE = Pattern.compile("<!--\\s*sample:\\s*(\\S+?)#(\\S+)\\s*-->");
    private static final Pattern FILE = Pattern.compile("<!--\\s*file:\\s*(\\S+)\\s*-->");
    private static final Pattern ANY_MARKER = Pattern.compile("<!--\\s*(sample|file)\\b.*");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** The languages whose blocks may be marked, and are checked when they are. */
    static final Set<String> CHECKABLE = Set.of("java", "ts", "typescript", "sql", "yaml", "xml");
    /** Lines no text block has but Java code does: a type declaration, an annotation, a statement, a static call. */
    private static final List<Pattern> JAVA_LIKE = List.of(
            Pattern.compile("\\b(class|record|interface|enum)\\s+[A-Z]\\w*"),
            Pattern.compile("^\\s*@[A-Z]\\w*(\\(.*)?\\s*$"),
            Pattern.compile(";\\s*(//.*)?$"),
            Pattern.compile("^\\s*[A-Z]\\w*\\.\\w+\\(.*\\)\\s*(//.*)?$"));

    private final Path root;
    private final List<String> modules;

    Samples(Path root) {
        this.root = root;
        List<String> found = new ArrayList<>();
        Matcher m = MODULE.matcher(Repository.read(root.resolve("pom.xml")));
        while (m.find()) {
            found.add(m.group(1).trim());
        }
        this.modules = List.copyOf(found);
    }

    /** A fenced block: where it starts (1-based line of the fence), its language, its text, the line above. */
    record Block(int line, String language, List<String> text, Optional<String> marker) {}

    /** Every fenced block of a Markdown text, each with its text (the fence's indentation removed). */
    static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.startsWith("```")) {
                continue;
            }
            int indent = lines.get(i).indexOf('`');
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            List<String> text = new ArrayList<>();
            for (String line : lines.subList(i + 1, Math.min(end, lines.size()))) {
                text.add(
                        line.length() >= indent && line.substring(0, indent).isBlank()
                                ? line.substring(indent)
                                : line.stripLeading());
            }
            Optional<String> marker =
                    i == 0 ? Optional.empty() : Optional.of(lines.get(i - 1).strip());
            blocks.add(new Block(i + 1, fence.substring(3).strip(), text, marker));
            i = end;
        }
        return blocks;
    }

    /** The ```java blocks of a Markdown text. */
    static List<Block> javaBlocks(List<String> lines) {
        return blocks(lines).stream().filter(b -> b.language().equals("java")).toList();
    }

    /** Every problem of one page, as {@code docs/x.md:12: what is wrong}. */
    List<String> problems(Path doc) {
        String name = root.relativize(doc).toString();
        List<String> problems = new ArrayList<>();
        for (Block block : blocks(Repository.read(doc).lines().toList())) {
            problem(block).ifPresent(p -> problems.add(name + ":" + block.line() + ": " + p));
        }
        return problems;
    }

    private Optional<String> problem(Block block) {
        String above = block.marker().orElse("");
        Matcher sample = SAMPLE.matcher(above);
        Matcher file = FILE.matcher(above);
        boolean marked = ANY_MARKER.matcher(above).matches();
        String language = block.language();
        if (language.equals("text")) {
            return javaLike(block.text())
                    .map(line -> "a ```text block that looks like Java (" + line.strip()
                            + "): make it a ```java block, a <!-- sample: --> region of a test that compiles it");
        }
        if (!CHECKABLE.contains(language)) {
            return marked
                    ? Optional.of("a ```" + language + " block is never checked, so it takes no marker (markers"
                            + " are for "
                            + String.join(", ", CHECKABLE.stream().sorted().toList()) + ")")
                    : Optional.empty();
        }
        if (language.equals("java")) {
            return sample.matches()
                    ? javaRegion(block, sample.group(1), sample.group(2))
                    : Optional.of("a ```java block must be preceded by <!-- sample: path#region --> on the line above");
        }
        if (sample.matches()) {
            return existing(sample.group(1)).or(() -> compare(block, sample.group(1), sample.group(2)));
        }
        if (file.matches()) {
            return existing(file.group(1)).or(() -> compareFile(block, file.group(1)));
        }
        return marked
                ? Optional.of("the marker above is neither <!-- sample: path#region --> nor <!-- file: path -->")
                : Optional.empty();
    }

    /** The first line of {@code text} that reads as Java, if one does. */
    static Optional<String> javaLike(List<String> text) {
        return text.stream()
                .filter(l -> JAVA_LIKE.stream().anyMatch(p -> p.matcher(l).find()))
                .findFirst();
    }

    private Optional<String> javaRegion(Block block, String path, String region) {
        int src = path.indexOf("/src/test/java/");
        if (src < 0 || !path.endsWith(".java")) {
            return Optional.of(path + " is not a test source (a .java file under <module>/src/test/java/)");
        }
        String module = path.substring(0, src);
        if (!modules.contains(module)) {
            return Optional.of(path + " is in " + module + ", which is not a module of the root pom.xml, so the suite"
                    + " never compiles it");
        }
        return existing(path).or(() -> compare(block, path, region));
    }

    /** Why {@code path} is not a file of the repository, if it is not. */
    private Optional<String> existing(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.of(path + " does not exist");
        }
        return Optional.empty();
    }

    private Optional<String> compare(Block block, String path, String region) {
        Optional<List<String>> lines =
                region(Repository.read(root.resolve(path)).lines().toList(), region);
        if (lines.isEmpty()) {
            String open = comment(path, "region " + region);
            String close = comment(path, "endregion " + region);
            return Optional.of(
                    path + " has no region '" + region + "' (a line " + open + " and, below it, a line " + close + ")");
        }
        return difference(dedent(lines.get()), block, path + "#" + region);
    }

    private Optional<String> compareFile(Block block, String path) {
        List<String> lines = new ArrayList<>(
                trimTrailing(Repository.read(root.resolve(path)).lines().toList()));
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return difference(lines, block, path);
    }

    private static Optional<String> difference(List<String> expected, Block block, String source) {
        List<String> actual = trimTrailing(block.text());
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of("the block differs from " + source + ": " + firstDifference(expected, actual));
    }

    /** A line comment in the language of {@code path}: {@code // x}, {@code -- x}, {@code # x} or {@code <!-- x -->}. */
    static String comment(String path, String text) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return switch (extension) {
            case "sql" -> "-- " + text;
            case "yaml", "yml", "properties", "sh" -> "# " + text;
            case "xml", "html", "md" -> "<!-- " + text + " -->";
            default -> "// " + text;
        };
    }

    /** The lines between {@code // region name} and {@code // endregion name} (or --, # or <!-- -->), if both are there. */
    static Optional<List<String>> region(List<String> lines, String name) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isMarker(lines.get(i), "region " + name)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        for (int i = start + 1; i < lines.size(); i++) {
            if (isMarker(lines.get(i), "endregion " + name)) {
                return Optional.of(lines.subList(start + 1, i));
            }
        }
        return Optional.empty();
    }

    private static boolean isMarker(String line, String text) {
        String s = line.strip();
        for (String prefix : List.of("//", "--", "#")) {
            if (s.startsWith(prefix) && s.substring(prefix.length()).strip().equals(text)) {
                return true;
            }
        }
        return s.startsWith("<!--")
                && s.endsWith("-->")
                && s.substring(4, s.length() - 3).strip().equals(text);
    }

    /** The lines with their common leading indentation removed (blank lines do not count), trailing spaces too. */
    static List<String> dedent(List<String> lines) {
        int common = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return trimTrailing(
                lines.stream().map(l -> l.isBlank() ? "" : l.substring(common)).toList());
    }

    private static List<String> trimTrailing(List<String> lines) {
        return lines.stream().map(String::stripTrailing).toList();
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<end of region>";
            String a = i < actual.size() ? actual.get(i) : "<end of block>";
            if (!e.equals(a)) {
                return "line " + (i + 1) + " of the block is\n    " + a + "\n  but the source has\n    " + e
                        + "\n  (copy the source into the block)";
            }
        }
        return "none";
    }
}
