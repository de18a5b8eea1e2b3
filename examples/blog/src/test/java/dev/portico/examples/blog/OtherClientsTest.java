package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.auth.accounts.User;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.SpecVersion;
import dev.portico.testing.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients of generators other than Portico's own, each generated from the example's document in both versions,
 * compiled under {@code tsc --strict} with a script of {@code src/test/typescript} and run by node against the
 * example served on a free port: {@code @hey-api/openapi-ts} (its fetch client), and {@code openapi-typescript}'s
 * types with {@code openapi-fetch}. Each lists, creates, reads a 400's field errors, and calls API methods with form
 * fields (a multipart upload) and with a list of records and a map. OpenAPI Generator's Java client is
 * {@link JavaNativeClientTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtherClientsTest {
    private static final Path WORK = Path.of("target/other-clients").toAbsolutePath();
    private static final Path SCRIPTS = Path.of("src/test/typescript").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private BlogServer server;
    private List<String> arguments;

    @BeforeAll
    void start() throws IOException {
        ClientTools.project();
        clean(WORK);
        server = BlogServer.start(BlogDatabases.h2());
        User ada = BlogUsers.create(server.config, "ada", false);
        arguments = List.of(
                "http://127.0.0.1:" + server.port(), "ada", BlogUsers.PASSWORD, BlogUsers.key(server.config, ada.id()));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void heyApi(SpecVersion version) throws Exception {
        Path dir = WORK.resolve("hey-api-" + version.number());
        Path document = document(dir, version);
        run(
                ClientTools.bin("openapi-ts"),
                "--input",
                document.toString(),
                "--output",
                dir.resolve("client").toString());
        assertReport(compileAndRun(dir, "heyapi-run", "h" + tag(version)), "From hey-api h" + tag(version));
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void openapiTypescriptWithOpenapiFetch(SpecVersion version) throws Exception {
        Path dir = WORK.resolve("openapi-fetch-" + version.number());
        Path document = document(dir, version);
        run(
                ClientTools.bin("openapi-typescript"),
                document.toString(),
                "-o",
                dir.resolve("schema.d.ts").toString());
        assertReport(
                compileAndRun(dir, "openapi-fetch-run", "f" + tag(version)), "From openapi-fetch f" + tag(version));
    }

    /** A word that makes one run's post titles its own ({@code v310}): the runs share one server. */
    static String tag(SpecVersion version) {
        return "v" + version.number().replace(".", "");
    }

    /** The example's document in {@code version}, written as the schema command writes it. */
    static Path document(Path dir, SpecVersion version) throws IOException {
        Files.createDirectories(dir);
        Path document = dir.resolve("openapi.yaml");
        Files.write(
                document,
                BlogApp.manage(b -> b.set(JwtSettings.SECRET, BlogDatabases.TEST_JWT_SECRET))
                        .openapi(version)
                        .bytes(OpenApiDocument.Format.YAML));
        return document;
    }

    /** Compiles {@code script} with what was generated beside it under {@code tsc --strict}, runs it, reads its JSON. */
    private JsonNode compileAndRun(Path dir, String script, String tag) throws Exception {
        Files.copy(SCRIPTS.resolve(script + ".ts"), dir.resolve(script + ".ts"));
        Files.createSymbolicLink(dir.resolve("node_modules"), ClientTools.PROJECT.resolve("node_modules"));
        Files.writeString(dir.resolve("tsconfig.json"), """
            {
              "compilerOptions": {
                "strict": true, "target": "es2022", "module": "commonjs", "moduleResolution": "node10",
                "lib": ["es2022", "dom", "dom.iterable"], "types": [], "skipLibCheck": true, "esModuleInterop": true,
                "rootDir": ".", "outDir": "out"
              },
              "files": ["%s.ts"]
            }
            """.formatted(script));
        run(
                "node",
                ClientTools.bin("tsc"),
                "--strict",
                "-p",
                dir.resolve("tsconfig.json").toString());
        List<String> command = new ArrayList<>(
                List.of("node", dir.resolve("out/" + script + ".js").toString()));
        command.addAll(arguments);
        command.add(tag);
        return JSON.readTree(run(command.toArray(String[]::new)));
    }

    private static String run(String... command) throws Exception {
        NodeTools.Result result = ClientTools.run(command);
        assertThat(result.exitCode())
                .as("%s%n%s%s", String.join(" ", command), result.stdout(), result.stderr())
                .isZero();
        return result.stdout();
    }

    static void assertReport(JsonNode report, String title) {
        assertThat(report.path("created").path("title").asText()).isEqualTo(title);
        assertThat(report.path("listed").path("count").asInt()).isEqualTo(1);
        assertThat(report.path("listed").path("titles").toString()).isEqualTo("[\"" + title + "\"]");
        assertThat(report.path("invalid").path("status").asInt()).isEqualTo(400);
        assertThat(report.path("invalid").path("errors").path("title").path(0).asText())
                .as(report.toString())
                .isEqualTo("This field may not be blank.");
        assertThat(report.path("employees").path("count").asInt()).isZero();
        assertThat(report.path("upload").path("size").asInt()).isEqualTo(5);
        assertThat(report.path("upload").path("note").asText()).startsWith("from ");
        assertThat(report.path("echo").toString())
                .isEqualTo("{\"name\":\"ada\",\"tags\":[\"a\",\"b\"],"
                        + "\"people\":[{\"name\":\"ada\",\"age\":36}],\"scores\":{\"alice\":3}}");
    }

    static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
