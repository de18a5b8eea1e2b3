package dev.portico.docs.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of docs/*.md and the root README.md is preceded by {@code <!-- sample: path#region -->} and
 * equals that region of a test source of a module the suite builds (docs/samples and others), so a sample that stops
 * compiling or running fails the build, and a sample edited in the docs alone fails here. TypeScript, SQL, YAML and
 * XML blocks marked as a region ({@code sample:}) or a whole file ({@code <!-- file: path -->}) are checked the same
 * way, and a ```text block may not hide Java from the check (see {@link Samples}).
 */
class DocsSamplesTest {

    @Test
    void everyJavaBlockOfTheDocsIsARegionOfATestSource() {
        Samples samples = new Samples(Repository.root());
        List<Path> docs = Repository.pages();
        assertThat(docs)
                .as("docs/*.md and README.md")
                .hasSizeGreaterThan(2)
                .contains(Repository.root().resolve("README.md"));
        List<String> problems =
                docs.stream().flatMap(d -> samples.problems(d).stream()).toList();
        assertThat(problems).as("docs samples that are not their regions").isEmpty();
    }

    @Test
    void theDocsHaveSamplesAtAll() {
        long blocks = Repository.pages().stream()
                .mapToLong(d ->
                        Samples.javaBlocks(Repository.read(d).lines().toList()).size())
                .sum();
        assertThat(blocks).as("java blocks in docs/*.md").isGreaterThan(10);
        long others = Repository.pages().stream()
                .flatMap(d -> Samples.blocks(Repository.read(d).lines().toList()).stream())
                .filter(b -> !b.language().equals("java") && Samples.CHECKABLE.contains(b.language()))
                .filter(b -> b.marker().orElse("").startsWith("<!-- sample:")
                        || b.marker().orElse("").startsWith("<!-- file:"))
                .count();
        assertThat(others).as("checked ts, sql, yaml and xml blocks").isGreaterThan(3);
    }

    @Test
    void markedBlocksOfOtherLanguagesAreCheckedAndUnmarkedOnesAreLeftAlone(@TempDir Path dir) throws IOException {
        Path root = fakeRepository(dir);
        Files.writeString(
                root.resolve("m/schema.sql"), "-- region table\nCREATE TABLE t (id INT);\n-- endregion table\n");
        Files.writeString(root.resolve("m/scrape.yaml"), "scrape_configs:\n  - job_name: x\n\n");
        Files.writeString(
                root.resolve("m/run.ts"), "function f() {\n    // region call\n    f();\n    // endregion call\n}\n");
        Path doc = Files.writeString(root.resolve("docs/x.md"), """
            <!-- sample: m/schema.sql#table -->
            ```sql
            CREATE TABLE t (id INT);
            ```
            <!-- file: m/scrape.yaml -->
            ```yaml
            scrape_configs:
              - job_name: x
            ```
            <!-- sample: m/run.ts#call -->
            ```ts
            f();
            ```
            ```xml
            <dependency>illustrative</dependency>
            ```
            <!-- file: m/scrape.yaml -->
            ```yaml
            scrape_configs: []
            ```
            <!-- sample: m/schema.sql#nope -->
            ```sql
            ```
            <!-- file: m/none.yaml -->
            ```yaml
            ```
            <!-- sample: m/run.ts#call -->
            ```sh
            f
            ```
            """);
        assertThat(new Samples(root).problems(doc))
                .satisfiesExactly(
                        p -> assertThat(p)
                                .startsWith(
                                        "docs/x.md:18: the block differs from m/scrape.yaml: line 1 of the block is")
                                .contains("scrape_configs: []"),
                        p -> assertThat(p)
                                .isEqualTo("docs/x.md:22: m/schema.sql has no region 'nope' (a line -- region nope"
                                        + " and, below it, a line -- endregion nope)"),
                        p -> assertThat(p).isEqualTo("docs/x.md:25: m/none.yaml does not exist"),
                        p -> assertThat(p)
                                .startsWith("docs/x.md:28: a ```sh block is never checked, so it takes no marker"));
    }

    @Test
    void aTextBlockThatLooksLikeJavaIsReported(@TempDir Path dir) throws IOException {
        Path root = fakeRepository(dir);
        Path doc = Files.writeString(root.resolve("docs/x.md"), """
            ```text
            GET /api/hello/ 200 13.47ms
            [default]
            access_key_id = k-0123
            ```
            ```text
            @PorticoTest(database = TestDatabase.POSTGRESQL)
            class PostgresTest extends Test {
            }
            ```
            ```text
            PorticoClient.inProcess(app)      // no port
            ```
            ```text
            int a = 1;
            ```
            """);
        assertThat(new Samples(root).problems(doc))
                .hasSize(3)
                .allSatisfy(p -> assertThat(p).contains("a ```text block that looks like Java"))
                .first()
                .asString()
                .startsWith("docs/x.md:6: ")
                .contains("@PorticoTest(database = TestDatabase.POSTGRESQL)");
    }

    @Test
    void aBlockWithoutMarkerIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path root = fakeRepository(dir);
        Path doc = Files.writeString(root.resolve("docs/x.md"), "# X\n\ntext\n```java\nint a = 1;\n```\n");
        assertThat(new Samples(root).problems(doc))
                .singleElement()
                .asString()
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
        assertThat(new Samples(root).problems(doc))
                .containsExactly(
                        "docs/x.md:2: m/src/test/java/A.java has no region 'nope' (a line // region nope and, below"
                                + " it, a line // endregion nope)",
                        "docs/x.md:6: m/src/test/java/B.java does not exist",
                        "docs/x.md:9: m/src/main/java/A.java is not a test source (a .java file under"
                                + " <module>/src/test/java/)",
                        "docs/x.md:12: other/src/test/java/A.java is in other, which is not a module of the root"
                                + " pom.xml, so the suite never compiles it");
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
        assertThat(samples.problems(bad))
                .singleElement()
                .asString()
                .startsWith("docs/bad.md:2: the block differs from m/src/test/java/A.java#one: line 2 of the block is")
                .contains("z();")
                .contains("y();");
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
