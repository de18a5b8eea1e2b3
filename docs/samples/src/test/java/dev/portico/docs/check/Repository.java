package dev.portico.docs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository the docs live in, found from the working directory, so the checks run from any module. */
final class Repository {
    private Repository() {}

    /** The repository root: the nearest directory up from here with {@code docs/} and the parent pom. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isDirectory(dir.resolve("docs"))
                    && Files.isRegularFile(pom)
                    && read(pom).contains("<artifactId>portico-parent</artifactId>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with docs/ and the portico-parent pom) above "
                + Path.of("").toAbsolutePath());
    }

    /** Every {@code docs/*.md}, sorted by name. */
    static List<Path> docs() {
        try (Stream<Path> files = Files.list(root().resolve("docs"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pages the docs check reads: every {@code docs/*.md}, then the root {@code README.md}. */
    static List<Path> pages() {
        return Stream.concat(docs().stream(), Stream.of(root().resolve("README.md")))
                .toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
