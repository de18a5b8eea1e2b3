package dev.portico.docs.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docs convention (every ```java block of docs/*.md is a region of a test source) as a function from a
 * document to its problems, each naming the document and line, so the test can report all of them at once.
 */
final class Samples {
    private static final Pattern MARKER = Pattern.compile("<!--\\s*sample:\\s*(\\S+?)#(\\S+)\\s*-->");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

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

    /** A ```java block: where it starts (1-based line of the fence) and its text, the fence's indentation removed. */
    record Block(int line, List<String> text, Optional<String> marker) {
    }

    /** The java blocks of a Markdown text, each with the line just above its fence. */
    static List<Block> javaBlocks(List<String> lines) {
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
            if (fence.substring(3).strip().equals("java")) {
                List<String> text = new ArrayList<>();
                for (String line : lines.subList(i + 1, Math.min(end, lines.size()))) {
                    text.add(line.length() >= indent && line.substring(0, indent).isBlank()
                            ? line.substring(indent) : line.stripLeading());
                }
                Optional<String> marker = i == 0 ? Optional.empty() : Optional.of(lines.get(i - 1).strip());
                blocks.add(new Block(i + 1, text, marker));
            }
            i = end;
        }
        return blocks;
    }

    /** Every problem of one document, as {@code docs/x.md:12: what is wrong}. */
    List<String> problems(Path doc) {
        String name = root.relativize(doc).toString();
        List<String> problems = new ArrayList<>();
        for (Block block : javaBlocks(Repository.read(doc).lines().toList())) {
            String at = name + ":" + block.line() + ": ";
            Matcher m = MARKER.matcher(block.marker().orElse(""));
            if (!m.matches()) {
                problems.add(at + "a ```java block must be preceded by <!-- sample: path#region --> on the line above");
                continue;
            }
            check(block, m.group(1), m.group(2)).ifPresent(p -> problems.add(at + p));
        }
        return problems;
    }

    private Optional<String> check(Block block, String path, String region) {
        int src = path.indexOf("/src/test/java/");
        if (src < 0 || !path.endsWith(".java")) {
            return Optional.of(path + " is not a test source (a .java file under <module>/src/test/java/)");
        }
        String module = path.substring(0, src);
        if (!modules.contains(module)) {
            return Optional.of(path + " is in " + module + ", which is not a module of the root pom.xml, so the suite"
                    + " never compiles it");
        }
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.of(path + " does not exist");
        }
        Optional<List<String>> lines = region(Repository.read(file).lines().toList(), region);
        if (lines.isEmpty()) {
            return Optional.of(path + " has no region '" + region + "' (a line // region " + region
                    + " and, below it, a line // endregion " + region + ")");
        }
        List<String> expected = dedent(lines.get());
        List<String> actual = trimTrailing(block.text());
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of("the block differs from " + path + "#" + region + ": " + firstDifference(expected, actual));
    }

    /** The lines between {@code // region name} and {@code // endregion name}, if both are there. */
    static Optional<List<String>> region(List<String> lines, String name) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// region " + name)) {
                start = i;
                break;
            }
        }
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

    /** The lines with their common leading indentation removed (blank lines do not count), trailing spaces too. */
    static List<String> dedent(List<String> lines) {
        int common = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return trimTrailing(lines.stream().map(l -> l.isBlank() ? "" : l.substring(common)).toList());
    }

    private static List<String> trimTrailing(List<String> lines) {
        return lines.stream().map(String::stripTrailing).toList();
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<end of region>";
            String a = i < actual.size() ? actual.get(i) : "<end of block>";
            if (!e.equals(a)) {
                return "line " + (i + 1) + " of the block is\n    " + a + "\n  but the region has\n    " + e
                        + "\n  (copy the region into the block)";
            }
        }
        return "none";
    }
}
