package dev.portico.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/getting-started.md followed as a newcomer would, with nothing but the page: its {@code pom.xml}, its
 * {@code HelloApp.java} and {@code HelloAppTest.java} blocks written where it says (after {@code package com.example;}),
 * then its commands run verbatim in a nested Maven: {@code mvn -q test} passes, {@code mvn -q compile exec:exec} serves
 * the greeting, and the {@code schema} command writes the document. DocsSamplesTest checks that the Java blocks are the
 * samples' own code; this checks that the page as a whole makes a project that builds, tests and runs.
 */
class GettingStartedProjectTest {
    private static final String VERSION = System.getProperty("portico.version");
    private static final Path ROOT =
            Path.of(System.getProperty("portico.root")).toAbsolutePath().normalize();
    private static final Path MAVEN_HOME = Path.of(System.getProperty("maven.home"));
    private static final Path WORK = ROOT.resolve("portico-archetype/target/getting-started");

    @Test
    void thePageAloneMakesAProjectThatTestsRunsAndWritesItsSchema() throws Exception {
        String page = Files.readString(ROOT.resolve("docs/getting-started.md"));
        List<String> xml = blocks(page, "xml");
        List<String> java = blocks(page, "java");
        assertThat(xml).as("the page's pom.xml").hasSize(1);
        assertThat(java).as("HelloApp.java and HelloAppTest.java").hasSize(2);
        assertThat(xml.getFirst()).contains("<version>" + VERSION + "</version>");

        StagedRepository staged = StagedRepository.create(
                ROOT,
                VERSION,
                WORK.resolve("maven-home"),
                Path.of(System.getProperty("user.home"), ".m2", "repository"));
        NestedMaven maven = new NestedMaven(MAVEN_HOME, staged, WORK.resolve("logs"));
        Path project = NestedMaven.fresh(WORK.resolve("hello"));
        Files.writeString(project.resolve("pom.xml"), xml.getFirst());
        write(project.resolve("src/main/java/com/example/HelloApp.java"), "package com.example;\n\n" + java.get(0));
        write(project.resolve("src/test/java/com/example/HelloAppTest.java"), "package com.example;\n\n" + java.get(1));

        NestedMaven.Result test = maven.mvn(project, Duration.ofMinutes(5), "-q", "test");
        assertThat(test.exitCode())
                .as("mvn -q test:\n" + NestedMaven.tail(test.output()))
                .isZero();
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.example.HelloAppTest.xml")))
                .contains("failures=\"0\"", "errors=\"0\"")
                .containsPattern("tests=\"[1-9]");

        int port = NestedMaven.freePort();
        NestedMaven.Started run = maven.start(
                project, List.of("mvn", "-q", "compile", "exec:exec"), Map.of("PORT", String.valueOf(port)));
        try {
            HttpResponse<String> hello = run.awaitAnswer(port, "/api/hello/ada/", Duration.ofMinutes(3));
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("{\"message\":\"Hello, ada!\"}");
        } finally {
            run.kill();
        }

        NestedMaven.Result schema = maven.mvn(
                project,
                Duration.ofMinutes(3),
                "-q",
                "compile",
                "exec:exec",
                "-Dexec.args=-classpath %classpath com.example.HelloApp schema --file openapi.yaml");
        assertThat(schema.exitCode())
                .as("the schema command:\n" + NestedMaven.tail(schema.output()))
                .isZero();
        assertThat(Files.readString(project.resolve("openapi.yaml")))
                .contains("title: Hello API", "operationId: hello");
        assertThat(page)
                .as("the page gives these commands")
                .contains(
                        "\n    mvn -q compile exec:exec\n",
                        "\n    mvn -q test\n",
                        "-Dexec.args=\"-classpath %classpath com.example.HelloApp schema --file openapi.yaml\"");
    }

    /** The fenced blocks of {@code language}, in page order. */
    static List<String> blocks(String page, String language) {
        Matcher m = Pattern.compile("(?m)^```" + language + "\\n(.*?)^```$", Pattern.DOTALL)
                .matcher(page);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
