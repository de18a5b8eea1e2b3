package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import dev.portico.data.DatabaseSettings;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example app's OpenAPI document: valid for swagger-parser in both versions, equal to the committed
 * snapshot {@code examples/blog/openapi.yaml}, and written by the {@code schema} command byte for byte as the
 * endpoint serves it.
 */
class OpenApiDocumentTest {
    /** The committed snapshot; surefire runs in the module directory. */
    private static final Path SNAPSHOT = Path.of("openapi.yaml");
    private static final String UPDATE = "portico.updateSnapshot";

    private static Portico app(PorticoConfig config) {
        return BlogApp.app(config).shutdownHook(false).build();
    }

    private static List<String> problems(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getMessages() == null ? List.of() : result.getMessages();
    }

    @Test
    void theDocumentIsValidIn31And30() {
        for (SpecVersion version : SpecVersion.values()) {
            PorticoConfig config = BlogDatabases.config()
                    .set(dev.portico.config.Settings.OPENAPI_SPEC_VERSION, version.number()).build();
            OpenApiDocument document = app(config).openapi();
            assertThat(document.version()).isEqualTo(version);
            assertThat(problems(document.text(OpenApiDocument.Format.YAML))).as(version.number()).isEmpty();
            assertThat(problems(document.text(OpenApiDocument.Format.JSON))).as(version.number()).isEmpty();
        }
    }

    @Test
    void theDocumentMatchesTheCommittedSnapshot() throws Exception {
        String current = app(BlogDatabases.config().build()).openapi().text(OpenApiDocument.Format.YAML);
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(SNAPSHOT, current, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT, StandardCharsets.UTF_8) : "";
        assertThat(current)
                .as("The example app's OpenAPI document changed. If the change is intended, regenerate the snapshot "
                        + "with `./manage schema --file examples/blog/openapi.yaml` (or run the tests with -D"
                        + UPDATE + "=true) and commit it.")
                .isEqualTo(committed);
    }

    @Test
    void theSchemaCommandWritesWhatTheEndpointServes(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("openapi.yaml");
        Path json = dir.resolve("openapi.json");
        Manage manage = BlogApp.manage();
        assertThat(run(manage, "schema", "--file", yaml.toString())).isZero();
        assertThat(run(manage, "schema", "--file", json.toString(), "--format", "json")).isZero();
        OpenApiDocument served = app(BlogDatabases.config().build()).openapi();
        assertThat(Files.readAllBytes(yaml)).isEqualTo(served.bytes(OpenApiDocument.Format.YAML));
        assertThat(Files.readAllBytes(json)).isEqualTo(served.bytes(OpenApiDocument.Format.JSON));
    }

    @Test
    void theSchemaCommandValidates() {
        StringWriter err = new StringWriter();
        int code = BlogApp.manage().run(new String[] {"schema", "--validate"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isZero();
        assertThat(err.toString()).contains("The OpenAPI 3.1.0 document is valid");
    }

    @Test
    void theSchemaCommandPrintsToStandardOutputAndRefusesAnUnknownFormat() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Manage manage = BlogApp.manage();
        assertThat(manage.run(new String[] {"schema"}, new PrintWriter(out), new PrintWriter(err))).isZero();
        assertThat(out.toString()).startsWith("openapi: 3.1.0");
        assertThat(manage.run(new String[] {"schema", "--format", "xml"}, new PrintWriter(out), new PrintWriter(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("use yaml or json");
    }

    @Test
    void theSchemaCommandNeverConnectsToTheDatabase(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("openapi.yaml");
        Manage manage = BlogApp.manage(b -> b.set(DatabaseSettings.URL, "jdbc:postgresql://127.0.0.1:1/nothing")
                .set(dev.portico.auth.jwt.JwtSettings.SECRET, BlogDatabases.TEST_JWT_SECRET)
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
        StringWriter err = new StringWriter();
        assertThat(manage.run(new String[] {"schema", "--file", yaml.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err))).as(err.toString()).isZero();
        assertThat(Files.readString(yaml)).contains("operationId: listPosts", "operationId: listEmployees");
        assertThat(manage.run(new String[] {"migrate"}, new PrintWriter(new StringWriter()), new PrintWriter(err)))
                .as("the same configuration does point at a dead database").isEqualTo(1);
        assertThat(err.toString()).contains("database.url = jdbc:postgresql://127.0.0.1:1/nothing");
    }

    @Test
    void aServerDatabaseWithoutATokenSecretFailsAtStartupNamingTheSetting() {
        Manage manage = BlogApp.manage(b -> b.set(DatabaseSettings.URL, "jdbc:postgresql://127.0.0.1:1/nothing"));
        StringWriter err = new StringWriter();
        assertThat(manage.run(new String[] {"schema"}, new PrintWriter(new StringWriter()), new PrintWriter(err)))
                .isNotZero();
        assertThat(err.toString()).contains("auth.jwt.secret", "openssl rand -base64 48");
    }

    private static int run(Manage manage, String... args) {
        return manage.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
