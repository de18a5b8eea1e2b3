package dev.portico.clientgen.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.SpecVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schema diff} on documents Portico itself writes (3.1 by default), from a small notes API and its
 * variants: each breaking change gives a line marked BREAKING and exit 1, the compatible ones exit 0, and a
 * document that cannot be read exits 2 with one line saying why.
 */
class SchemaDiffCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The old API: read, create and delete a note. */
    static final class V1 {
        record Note(long id, String title, String text) {}

        record NewNote(String title, Optional<String> text) {}

        static Portico.Builder routes(Portico.Builder app) {
            return app.get("/api/notes/{id:long}/", Note.class, r -> new Note(1, "t", "x"))
                    .post("/api/notes/", NewNote.class, Note.class, (r, n) -> new Note(1, n.title(), ""))
                    .delete("/api/notes/{id:long}/", r -> null);
        }
    }

    /** A required request field added: old clients do not send it. */
    static final class RequiredAuthor {
        record Note(long id, String title, String text) {}

        record NewNote(String title, Optional<String> text, String author) {}

        static Portico.Builder routes(Portico.Builder app) {
            return app.get("/api/notes/{id:long}/", Note.class, r -> new Note(1, "t", "x"))
                    .post("/api/notes/", NewNote.class, Note.class, (r, n) -> new Note(1, n.title(), ""))
                    .delete("/api/notes/{id:long}/", r -> null);
        }
    }

    /** A response field removed, and the id's type changed: old clients read what is no longer there. */
    static final class NoTextStringId {
        record Note(String id, String title) {}

        record NewNote(String title, Optional<String> text) {}

        static Portico.Builder routes(Portico.Builder app) {
            return app.get("/api/notes/{id:long}/", Note.class, r -> new Note("1", "t"))
                    .post("/api/notes/", NewNote.class, Note.class, (r, n) -> new Note("1", n.title()))
                    .delete("/api/notes/{id:long}/", r -> null);
        }
    }

    /** An optional request field removed: old clients still send it, and unknown fields are refused (400). */
    static final class NoTextInRequest {
        record NewNote(String title) {}

        static Portico.Builder routes(Portico.Builder app) {
            return app.get("/api/notes/{id:long}/", V1.Note.class, r -> new V1.Note(1, "t", "x"))
                    .post("/api/notes/", NewNote.class, V1.Note.class, (r, n) -> new V1.Note(1, n.title(), ""))
                    .delete("/api/notes/{id:long}/", r -> null);
        }
    }

    /** Only additions: a list operation and an optional field in the request. */
    static final class Additions {
        record Note(long id, String title, String text) {}

        record NewNote(String title, Optional<String> text, Optional<String> colour) {}

        static Portico.Builder routes(Portico.Builder app) {
            return app.get("/api/notes/{id:long}/", Note.class, r -> new Note(1, "t", "x"))
                    .get("/api/notes/", Note[].class, r -> new Note[0])
                    .post("/api/notes/", NewNote.class, Note.class, (r, n) -> new Note(1, n.title(), ""))
                    .delete("/api/notes/{id:long}/", r -> null);
        }
    }

    private static Manage manage(UnaryOperator<Portico.Builder> routes) {
        Manage manage = Manage.create(config -> routes.apply(Portico.builder().config(config)))
                .name("./manage");
        return manage.schemaCommand(SchemaDiffCommand.create(manage));
    }

    /** The app's document as the schema command writes it, in {@code version}, saved under {@code name}. */
    private String document(String name, UnaryOperator<Portico.Builder> routes, SpecVersion version)
            throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, manage(routes).openapi(version).bytes(OpenApiDocument.Format.YAML));
        return file.toString();
    }

    private String document(String name, UnaryOperator<Portico.Builder> routes) throws IOException {
        return document(name, routes, SpecVersion.V3_1);
    }

    private int diff(Manage manage, String... args) {
        String[] line = new String[args.length + 2];
        line[0] = "schema";
        line[1] = "diff";
        System.arraycopy(args, 0, line, 2, args.length);
        return manage.run(line, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int diff(String... args) {
        return diff(manage(V1::routes), args);
    }

    @Test
    void aRequestFieldRemovedBreaksBecauseOldClientsStillSendIt() throws IOException {
        assertThat(diff(document("old.yaml", V1::routes), document("new.yaml", NoTextInRequest::routes)))
                .as(out.toString())
                .isEqualTo(1);
        assertThat(out.toString()).containsPattern("(?m)^BREAKING +POST /api/notes/ .*property text removed$");
    }

    @Test
    void aRemovedOperationBreaks() throws IOException {
        String old = document("old.yaml", V1::routes);
        String removed = document(
                "new.yaml",
                app -> app.get("/api/notes/{id:long}/", V1.Note.class, r -> new V1.Note(1, "t", "x"))
                        .post("/api/notes/", V1.NewNote.class, V1.Note.class, (r, n) -> new V1.Note(1, "t", "")));
        assertThat(diff(old, removed)).as(err.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("Changes from " + old + " to " + removed)
                .containsPattern("(?m)^BREAKING +DELETE /api/notes/\\{id}/ \\(\\w+\\): operation removed$")
                .contains("1 changes, 1 breaking");
    }

    @Test
    void aRequiredFieldAddedToTheRequestBodyBreaks() throws IOException {
        assertThat(diff(document("old.yaml", V1::routes), document("new.yaml", RequiredAuthor::routes)))
                .as(err.toString())
                .isEqualTo(1);
        assertThat(out.toString())
                .containsPattern(
                        "(?m)^BREAKING +POST /api/notes/ \\(\\w+\\): request application/json: required property"
                                + " author added$");
    }

    @Test
    void aResponseFieldRemovedAndATypeChangedBreak() throws IOException {
        assertThat(diff(document("old.yaml", V1::routes), document("new.yaml", NoTextStringId::routes)))
                .as(err.toString())
                .isEqualTo(1);
        assertThat(out.toString())
                .containsPattern("(?m)^BREAKING +GET /api/notes/\\{id}/ \\(\\w+\\): response 200 application/json: "
                        + "property text removed$")
                .containsPattern("(?m)^BREAKING +GET /api/notes/\\{id}/ \\(\\w+\\): response 200 application/json: "
                        + "property id: type changed from integer to string$");
    }

    @Test
    void anAddedOperationAndAnOptionalFieldAreCompatible() throws IOException {
        assertThat(diff(document("old.yaml", V1::routes), document("new.yaml", Additions::routes)))
                .as(out + "" + err)
                .isZero();
        assertThat(out.toString())
                .containsPattern("(?m)^compatible +GET /api/notes/ \\(\\w+\\): operation added$")
                .containsPattern("(?m)^compatible +POST /api/notes/ \\(\\w+\\): request application/json: "
                        + "optional property colour added$")
                .contains("none breaking")
                .doesNotContain("BREAKING");
    }

    @Test
    void aDocumentIn31ComparesEqualToThe303OneOfTheSameAppAndItsTypeChangesAreSeen() throws IOException {
        String v31 = document("v31.yaml", NoTextStringId::routes, SpecVersion.V3_1);
        assertThat(Files.readString(Path.of(v31))).startsWith("openapi: 3.1.0").contains("- \"null\"");
        assertThat(diff(v31, document("v30.yaml", NoTextStringId::routes, SpecVersion.V3_0)))
                .isZero();
        assertThat(out.toString()).contains("No changes.");
        // a type change inside 3.1's type arrays ([integer] to [string]), which openapi-diff alone reads as no type
        out.getBuffer().setLength(0);
        assertThat(diff(document("old31.yaml", V1::routes), v31)).isEqualTo(1);
        assertThat(out.toString()).contains("property id: type changed from integer to string");
    }

    @Test
    void withoutNewTheFileIsComparedWithTheAppsLiveModel() throws IOException {
        String old = document("old.yaml", V1::routes);
        assertThat(diff(manage(V1::routes), old)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("to the app's model:", "No changes.");
        assertThat(diff(manage(RequiredAuthor::routes), old)).isEqualTo(1);
        assertThat(out.toString()).contains("required property author added");
    }

    @Test
    void aUrlIsReadOverHttpAsTheSchemaEndpointServesIt() throws IOException {
        Portico deployed = V1.routes(Portico.builder()
                        .config(PorticoConfig.builder()
                                .set(Settings.SERVER_HOST, "127.0.0.1")
                                .set(Settings.SERVER_PORT, 0)
                                .build())
                        .shutdownHook(false))
                .build()
                .start();
        try {
            String url = "http://127.0.0.1:" + deployed.port() + "/api/schema/";
            assertThat(diff(manage(RequiredAuthor::routes), url))
                    .as(err.toString())
                    .isEqualTo(1);
            assertThat(out.toString())
                    .contains("Changes from " + url + " to the app's model:", "required property author added");
            assertThat(diff(url + "nothing-here/", url)).isEqualTo(2);
            assertThat(err.toString()).contains("schema diff: " + url + "nothing-here/ answered 404");
        } finally {
            deployed.stop();
        }
    }

    @Test
    void aUrlsUserInformationIsNeverPrinted() throws IOException {
        Portico deployed = V1.routes(Portico.builder()
                        .config(PorticoConfig.builder()
                                .set(Settings.SERVER_HOST, "127.0.0.1")
                                .set(Settings.SERVER_PORT, 0)
                                .build())
                        .shutdownHook(false))
                .build()
                .start();
        try {
            String url = "http://ada:s3cret@127.0.0.1:" + deployed.port() + "/api/schema/";
            String shown = "http://***@127.0.0.1:" + deployed.port() + "/api/schema/";
            assertThat(diff(manage(RequiredAuthor::routes), url))
                    .as(err.toString())
                    .isEqualTo(1);
            assertThat(out.toString()).contains("Changes from " + shown + " to the app's model:");
            assertThat(diff(url, url + "nothing-here/")).isEqualTo(2);
            assertThat(err.toString()).contains("schema diff: " + shown + "nothing-here/ answered 404");
            assertThat(diff(url, "https://ada:s3cret@127.0.0.1:1/openapi.yaml")).isEqualTo(2);
            assertThat(err.toString()).contains("schema diff: cannot read https://***@127.0.0.1:1/openapi.yaml");
            assertThat(out + "" + err).doesNotContain("s3cret").doesNotContain("ada:");
        } finally {
            deployed.stop();
        }
    }

    @Test
    void anUnreadableDocumentOrBadUsageExitsTwoWithoutAStackTrace() throws IOException {
        String old = document("old.yaml", V1::routes);
        assertThat(diff(old, dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("schema diff: no such file: " + dir.resolve("missing.yaml"));
        Path notOpenApi = Files.writeString(dir.resolve("list.yaml"), "- just\n- a list\n");
        assertThat(diff(old, notOpenApi.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not an OpenAPI 3 document");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "openapi: [3.1\n");
        assertThat(diff(broken.toString(), old)).isEqualTo(2);
        assertThat(err.toString()).contains("the old document is neither YAML nor JSON");
        assertThat(diff(old, "http://127.0.0.1:1/openapi.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read http://127.0.0.1:1/openapi.yaml");
        assertThat(diff()).as("OLD is required").isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'OLD'").doesNotContain("\tat ");
    }
}
