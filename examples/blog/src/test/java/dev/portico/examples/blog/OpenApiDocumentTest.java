package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.clientgen.diff.SchemaDiff;
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
                    .set(dev.portico.config.Settings.OPENAPI_SPEC_VERSION, version.number())
                    .build();
            OpenApiDocument document = app(config).openapi();
            assertThat(document.version()).isEqualTo(version);
            assertThat(problems(document.text(OpenApiDocument.Format.YAML)))
                    .as(version.number())
                    .isEmpty();
            assertThat(problems(document.text(OpenApiDocument.Format.JSON)))
                    .as(version.number())
                    .isEmpty();
        }
    }

    @Test
    void theDocumentMatchesTheCommittedSnapshot() throws Exception {
        String current = app(BlogDatabases.config().build()).openapi().text(OpenApiDocument.Format.YAML);
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(SNAPSHOT, current, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT, StandardCharsets.UTF_8) : "";
        if (!current.equals(committed)) { // the message, not two 10,000-line documents side by side
            fail(snapshotMessage(committed, current));
        }
    }

    @Test
    void aChangedDocumentsMessageListsTheChangesBreakingOnesMarkedAndTheCommandToAcceptThem() throws Exception {
        String current = app(BlogDatabases.config().build()).openapi().text(OpenApiDocument.Format.YAML);
        // the committed document as it would be with one more operation, which the app no longer has
        String withExtraOperation = current.replace("  /api/employees/{id}/:\n", """
              /api/employees/{id}/archive/:
                post:
                  operationId: archiveEmployee
                  responses:
                    "204":
                      description: No Content
              /api/employees/{id}/:
            """);
        assertThat(withExtraOperation).isNotEqualTo(current);
        String message = snapshotMessage(withExtraOperation, current);
        assertThat(message)
                .contains("The example app's OpenAPI document changed (1 changes, 1 breaking")
                .containsPattern("(?m)^BREAKING +POST /api/employees/\\{id}/archive/ \\(archiveEmployee\\): "
                        + "operation removed$")
                .contains("./manage schema --file examples/blog/openapi.yaml");
        assertThat(snapshotMessage(current.replace("title: Blog API", "title: The blog API"), current))
                .as("a change that is no API change")
                .contains(
                        "only its text",
                        "line 3 was `  title: The blog API`, is `  title: Blog API`",
                        "No changes.",
                        "./manage schema --file");
        assertThat(snapshotMessage("", current)).contains("no committed snapshot", "./manage schema --file");
    }

    /** The committed 3.1 document against the live model, which the command reads as 3.0.3: the same API. */
    @Test
    void schemaDiffFindsNoChangeFromTheCommitted31DocumentToTheLiveModel() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BlogApp.manage(b -> b.set(dev.portico.auth.jwt.JwtSettings.SECRET, BlogDatabases.TEST_JWT_SECRET))
                .run(new String[] {"schema", "diff", SNAPSHOT.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(out + "" + err).isZero();
        assertThat(out.toString()).isEqualTo("Changes from openapi.yaml to the app's model:\nNo changes.\n");
    }

    @Test
    void theSchemaCommandWritesWhatTheEndpointServes(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("openapi.yaml");
        Path json = dir.resolve("openapi.json");
        Manage manage = BlogApp.manage();
        assertThat(run(manage, "schema", "--file", yaml.toString())).isZero();
        assertThat(run(manage, "schema", "--file", json.toString(), "--format", "json"))
                .isZero();
        OpenApiDocument served = app(BlogDatabases.config().build()).openapi();
        assertThat(Files.readAllBytes(yaml)).isEqualTo(served.bytes(OpenApiDocument.Format.YAML));
        assertThat(Files.readAllBytes(json)).isEqualTo(served.bytes(OpenApiDocument.Format.JSON));
    }

    @Test
    void theSchemaCommandValidates() {
        StringWriter err = new StringWriter();
        int code = BlogApp.manage()
                .run(new String[] {"schema", "--validate"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isZero();
        assertThat(err.toString()).contains("The OpenAPI 3.1.0 document is valid");
    }

    @Test
    void theSchemaCommandPrintsToStandardOutputAndRefusesAnUnknownFormat() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Manage manage = BlogApp.manage();
        assertThat(manage.run(new String[] {"schema"}, new PrintWriter(out), new PrintWriter(err)))
                .isZero();
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
        assertThat(manage.run(
                        new String[] {"schema", "--file", yaml.toString()},
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err)))
                .as(err.toString())
                .isZero();
        assertThat(Files.readString(yaml)).contains("operationId: listPosts", "operationId: listEmployees");
        assertThat(manage.run(new String[] {"migrate"}, new PrintWriter(new StringWriter()), new PrintWriter(err)))
                .as("the same configuration does point at a dead database")
                .isEqualTo(1);
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

    /**
     * The failure message when the document differs from the snapshot: what {@code schema diff} says changed,
     * breaking changes marked, and the command to accept the change.
     */
    private static String snapshotMessage(String committed, String current) {
        String accept = "If the change is intended, accept it with `./manage schema --file examples/blog/openapi.yaml`"
                + " (or run the tests with -D" + UPDATE + "=true) and commit the file.";
        if (committed.isBlank()) {
            return "There is no committed snapshot " + SNAPSHOT.toAbsolutePath() + ". " + accept;
        }
        SchemaDiff diff = SchemaDiff.compare(committed, current);
        String summary = diff.unchanged()
                ? "only its text (descriptions, titles or order): " + firstDifference(committed, current)
                : diff.changes().size() + " changes, "
                        + diff.changes().stream()
                                .filter(SchemaDiff.Change::breaking)
                                .count() + " breaking";
        return "The example app's OpenAPI document changed (" + summary + "); from openapi.yaml to the app's model:\n"
                + diff.report() + accept;
    }

    private static String firstDifference(String committed, String current) {
        List<String> was = committed.lines().toList();
        List<String> is = current.lines().toList();
        int line = 0;
        while (line < was.size() && line < is.size() && was.get(line).equals(is.get(line))) {
            line++;
        }
        return "line " + (line + 1) + " was `" + (line < was.size() ? was.get(line) : "") + "`, is `"
                + (line < is.size() ? is.get(line) : "") + "`";
    }

    private static int run(Manage manage, String... args) {
        return manage.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
