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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's TypeScript client, end to end: {@code client typescript} (as {@code ./manage} runs it) generates the
 * typescript-fetch client from the example's model into {@code target/}; {@code tsc --strict} compiles it with
 * {@code src/test/typescript/client-run.ts}, which node then runs against the example served on a free port. The
 * script prints a JSON report of what the API answered, asserted here. Skipped without node (with the reason),
 * failed under CI=true.
 */
class TypeScriptClientTest {
    /** Surefire runs in the module directory. */
    private static final Path WORK = Path.of("target/typescript-client").toAbsolutePath();

    private static final Path SCRIPT = Path.of("src/test/typescript/client-run.ts");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theGeneratedClientCompilesUnderStrictAndDrivesTheRunningApp() throws Exception {
        Path tsc = NodeTools.project().resolve("node_modules/typescript/bin/tsc");
        assertThat(tsc).as("typescript in the node project's package-lock.json").isRegularFile();
        clean(WORK);
        generate(WORK.resolve("client"));
        compile(tsc);
        try (BlogServer server = BlogServer.start(BlogDatabases.h2())) {
            User ada = BlogUsers.create(server.config, "ada", false);
            String key = BlogUsers.key(server.config, ada.id());
            NodeTools.Result run = NodeTools.run(List.of(
                    "node",
                    WORK.resolve("out/client-run.js").toString(),
                    "http://127.0.0.1:" + server.port(),
                    "ada",
                    BlogUsers.PASSWORD,
                    key));
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertReport(JSON.readTree(run.stdout()));
        }
    }

    @Test
    void aDocumentFileGivesTheSameClientAndBadInputExitsOneOrTwo() throws Exception {
        Path dir = WORK.resolveSibling("typescript-client-from-file");
        clean(dir);
        Path document = dir.resolve("openapi.json");
        Files.write(
                document,
                BlogApp.manage(b -> b.set(JwtSettings.SECRET, BlogDatabases.TEST_JWT_SECRET))
                        .openapi(SpecVersion.V3_0)
                        .bytes(OpenApiDocument.Format.JSON));
        assertThat(client(
                        "--schema",
                        document.toString(),
                        "--out",
                        dir.resolve("client").toString()))
                .isZero();
        assertThat(dir.resolve("client/apis/PostsApi.ts")).content().contains("async listPosts(");
        assertThat(client("--schema", dir.resolve("missing.yaml").toString(), "--out", dir.toString()))
                .isEqualTo(1);
        assertThat(client("--schema", document.toString()))
                .as("--out is required")
                .isEqualTo(2);
    }

    private static int client(String... args) {
        String[] line = Stream.concat(Stream.of("client", "typescript"), Stream.of(args))
                .toArray(String[]::new);
        return BlogApp.manage().run(line, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** Runs the command as ./manage does; its progress goes to standard error, nothing to standard output. */
    private static void generate(Path out) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = BlogApp.manage(b -> b.set(JwtSettings.SECRET, BlogDatabases.TEST_JWT_SECRET))
                .run(
                        new String[] {"client", "typescript", "--out", out.toString()},
                        new PrintWriter(stdout, true),
                        new PrintWriter(stderr, true));
        assertThat(code).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).isEmpty();
        assertThat(stderr.toString()).contains("typescript-fetch", "OpenAPI Generator 7.", "Wrote");
        // seed 000's client: one class per tag, camelCase methods from the operationIds
        assertThat(out.resolve("apis/PostsApi.ts"))
                .content()
                .contains("export class PostsApi", "async listPosts(", "async partialUpdatePost(");
        assertThat(out.resolve("apis/HomeApi.ts")).content().contains("async homeDescribeSite(");
        assertThat(out.resolve("runtime.ts")).content().contains("export class Configuration", "headers?: HTTPHeaders");
    }

    private static void compile(Path tsc) throws IOException, InterruptedException {
        Files.copy(SCRIPT, WORK.resolve("client-run.ts"));
        Files.writeString(WORK.resolve("tsconfig.json"), """
            {
              "compilerOptions": {
                "strict": true, "target": "es2020", "module": "commonjs", "lib": ["es2020", "dom"],
                "types": [], "rootDir": ".", "outDir": "out"
              },
              "files": ["client-run.ts"]
            }
            """);
        NodeTools.Result compiled = NodeTools.run(List.of(
                "node",
                tsc.toString(),
                "--strict",
                "-p",
                WORK.resolve("tsconfig.json").toString()));
        assertThat(compiled.exitCode())
                .as(compiled.stdout() + compiled.stderr())
                .isZero();
    }

    private static void assertReport(JsonNode report) {
        assertThat(report.path("tokenIssued").asBoolean()).isTrue();
        long id = report.path("created").path("id").asLong();
        assertThat(report.path("created").path("title").asText()).isEqualTo("From TypeScript");
        assertThat(report.path("filtered").path("count").asInt()).isEqualTo(1);
        assertThat(report.path("filtered").path("titles").toString()).isEqualTo("[\"From TypeScript\"]");
        assertThat(report.path("paged").path("count").asInt()).isEqualTo(2);
        assertThat(report.path("paged").path("results").asInt()).isEqualTo(1);
        assertThat(report.path("paged").path("hasPrevious").asBoolean()).isTrue();
        assertThat(report.path("retrieved").path("id").asLong()).isEqualTo(id);
        assertThat(report.path("updated").path("title").asText()).isEqualTo("Updated from TypeScript");
        assertThat(report.path("updated").path("content").asText()).isEqualTo("Changed");
        assertThat(report.path("afterDelete").asInt()).isEqualTo(404);
        JsonNode invalid = report.path("invalid");
        assertThat(invalid.path("typed").asBoolean()).as(invalid.toString()).isTrue();
        assertThat(invalid.path("status").asInt()).isEqualTo(400);
        assertThat(invalid.path("errors").path("title").isArray())
                .as(invalid.toString())
                .isTrue();
        assertThat(report.path("employees").path("count").asInt()).isZero();
        assertThat(report.path("describeSite").path("name").asText()).isNotEmpty();
        assertThat(report.path("describeSite").path("caller").asText()).contains("ada");
        assertThat(report.path("echo").toString()).isEqualTo("{\"name\":\"ada\",\"count\":3,\"tags\":[\"a\",\"b\"]}");
    }

    private static void clean(Path dir) throws IOException {
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
