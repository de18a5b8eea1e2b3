package dev.portico.docs.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of docs/*.md is preceded by {@code <!-- sample: path#region -->} and equals that region of a
 * test source of a module the suite builds (docs/samples and others), so a sample that stops compiling or running
 * fails the build, and a sample edited in the docs alone fails here.
 */
class DocsSamplesTest {

    @Test
    void everyJavaBlockOfTheDocsIsARegionOfATestSource() {
        Samples samples = new Samples(Repository.root());
        List<Path> docs = Repository.docs();
        assertThat(docs).as("docs/*.md").isNotEmpty();
        List<String> problems = docs.stream().flatMap(d -> samples.problems(d).stream()).toList();
        assertThat(problems).as("docs samples that are not their regions").isEmpty();
    }

    @Test
    void theDocsHaveSamplesAtAll() {
        long blocks = Repository.docs().stream()
                .mapToLong(d -> Samples.javaBlocks(Repository.read(d).lines().toList()).size()).sum();
        assertThat(blocks).as("java blocks in docs/*.md").isGreaterThan(10);
    }

    @Test
    void aBlockWithoutMarkerIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path root = fakeRepository(dir);
        Path doc = Files.writeString(root.resolve("docs/x.md"), "# X\n\ntext\n```java\nint a = 1;\n```\n");
        assertThat(new Samples(root).problems(doc)).singleElement().asString()
                .startsWith("docs/x.md:4: a ```java block must be preceded by <!-- sample:");
    }

    @Test
    void aMissingFileOrRegionIsReported(@TempDir Path dir) throws IOException {
        Path root = fakeRepository(dir);
        Path doc = Files.writeString(root.resolve("docs/x.md"), """
                <!-- sample: m/src/test/java/A.java#nope -->
                ```java
                int a = 1;
                ```
                <!-- sample: m/src/test/java/B.java#one -->
                ```java
                ```
                <!-- sample: m/src/main/java/A.java#one -->
                ```java
                ```
                <!-- sample: other/src/test/java/A.java#one -->
                ```java
                ```
                """);
        assertThat(new Samples(root).problems(doc)).containsExactly(
                "docs/x.md:2: m/src/test/java/A.java has no region 'nope' (a line // region nope and, below it, a line"
                        + " // endregion nope)",
                "docs/x.md:6: m/src/test/java/B.java does not exist",
                "docs/x.md:9: m/src/main/java/A.java is not a test source (a .java file under <module>/src/test/java/)",
                "docs/x.md:12: other/src/test/java/A.java is in other, which is not a module of the root pom.xml, so the"
                        + " suite never compiles it");
    }

    @Test
    void aBlockEqualToTheDedentedRegionPassesAndAnyDifferenceFails(@TempDir Path dir) throws IOException {
        Path root = fakeRepository(dir);
        String same = """
                <!-- sample: m/src/test/java/A.java#one -->
                ```java
                if (x) {
                    y();
                }
                ```
                """;
        Path good = Files.writeString(root.resolve("docs/good.md"), same);
        Path bad = Files.writeString(root.resolve("docs/bad.md"), same.replace("y();", "z();"));
        Samples samples = new Samples(root);
        assertThat(samples.problems(good)).isEmpty();
        assertThat(samples.problems(bad)).singleElement().asString()
                .startsWith("docs/bad.md:2: the block differs from m/src/test/java/A.java#one: line 2 of the block is")
                .contains("z();").contains("y();");
    }

    private static Path fakeRepository(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("pom.xml"), "<modules><module>m</module></modules>");
        Path src = Files.createDirectories(dir.resolve("m/src/test/java"));
        Files.writeString(src.resolve("A.java"), """
                class A {
                    void a() {
                        // region one
                        if (x) {
                            y();
                        }
                        // endregion one
                    }
                }
                """);
        return dir;
    }
}
