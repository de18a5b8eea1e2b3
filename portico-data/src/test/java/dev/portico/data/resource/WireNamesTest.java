package dev.portico.data.resource;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.annotation.Nullable;
import dev.portico.config.Naming;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.data.model.Model;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.Lookup;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One naming rule end to end: a record whose components are {@code dueOn} and {@code createdAt}, with no
 * {@code @JsonProperty}, is {@code due_on} and {@code created_at} under {@code json.naming=snake_case} in JSON in and
 * out, in a form, in the filters, in {@code ordering}, in the OpenAPI document and in the OPTIONS metadata; the code
 * names them as the record does.
 */
class WireNamesTest {
    record Note(long id, String title, @Nullable LocalDate dueOn, Instant createdAt, Instant updatedAt, long version) {}

    record NoteInput(@NotBlank String title, Optional<LocalDate> dueOn) {}

    /** The app on a database with {@code naming}, both built from the same configuration. */
    private static final class Notes implements AutoCloseable {
        final Database db;
        final Portico app;

        Notes(TestDatabase test, Naming naming) {
            this(test, naming, naming);
        }

        Notes(TestDatabase test, Naming database, Naming application) {
            PorticoConfig config = test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/naming")
                    .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)
                    .set(Settings.JSON_NAMING, database));
            db = Database.create(config);
            Resource<Note> notes = Resource.of(Model.of(Note.class), db, "/api/notes/")
                    .create(NoteInput.class)
                    .list(q -> q.filters("dueOn", Lookup.GTE, Lookup.ISNULL)
                            .ordering("id", "createdAt", "dueOn")
                            .defaultOrdering("-createdAt"))
                    .baseUrl(BaseUrl.of("https://api.example.com"))
                    .build();
            Portico built;
            try {
                built = notes.addTo(
                                Portico.builder().config(test.config(b -> b.set(Settings.JSON_NAMING, application))))
                        .build();
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            app = built;
        }

        Response send(TestRequest request) {
            return app.handle(request);
        }

        Response postForm(String form) {
            return app.handle(TestRequest.of("POST", "/api/notes/")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(form.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @DatabaseTest
    void snakeCaseNamesEveryWireNameOfACamelCaseRecord(TestDatabase test) {
        try (Notes notes = new Notes(test, Naming.SNAKE_CASE)) {
            Response created = notes.send(
                    TestRequest.of("POST", "/api/notes/").json("{\"title\":\"early\",\"due_on\":\"2026-01-02\"}"));
            assertThat(created.status()).as(new String(created.body())).isEqualTo(201);
            JsonNode early = json(created);
            assertThat(early.get("due_on").asText()).isEqualTo("2026-01-02");
            assertThat(early.has("created_at")).isTrue();
            assertThat(early.has("createdAt")).isFalse();
            assertThat(early.has("dueOn")).isFalse();

            Response form = notes.postForm("title=late&due_on=2026-03-04");
            assertThat(form.status()).as(new String(form.body())).isEqualTo(201);
            assertThat(json(form).get("due_on").asText()).isEqualTo("2026-03-04");

            // the Java name is not a wire name: unknown in JSON and in a form
            Response camel = notes.send(
                    TestRequest.of("POST", "/api/notes/").json("{\"title\":\"x\",\"dueOn\":\"2026-01-02\"}"));
            assertThat(camel.status()).isEqualTo(400);
            assertThat(json(camel).get("errors").has("dueOn")).isTrue();
            assertThat(notes.postForm("title=x&dueOn=2026-01-02").status()).isEqualTo(400);

            assertThat(titles(notes.send(TestRequest.get("/api/notes/?due_on__gte=2026-02-01"))))
                    .containsExactly("late");
            assertThat(titles(notes.send(TestRequest.get("/api/notes/?ordering=due_on"))))
                    .containsExactly("early", "late");
            assertThat(titles(notes.send(TestRequest.get("/api/notes/?ordering=-due_on"))))
                    .containsExactly("late", "early");
            assertThat(titles(notes.send(TestRequest.get("/api/notes/"))))
                    .containsExactly("late", "early"); // -created_at
            assertThat(notes.send(TestRequest.get("/api/notes/?dueOn__gte=2026-02-01"))
                            .status())
                    .isEqualTo(400);
            Response byJavaName = notes.send(TestRequest.get("/api/notes/?ordering=createdAt"));
            assertThat(byJavaName.status()).isEqualTo(400);
            assertThat(json(byJavaName).get("errors").get("ordering").get(0).asText())
                    .isEqualTo("\"createdAt\" is not a field you can order by.");

            JsonNode doc = json(notes.send(TestRequest.get("/api/schema/?format=json")));
            assertThat(fieldNames(
                            doc.get("components").get("schemas").get("Note").get("properties")))
                    .containsExactly("id", "title", "due_on", "created_at", "updated_at", "version");
            assertThat(fieldNames(doc.get("components")
                            .get("schemas")
                            .get("NoteInput")
                            .get("properties")))
                    .containsExactly("title", "due_on");
            List<String> parameters = new ArrayList<>();
            doc.get("paths")
                    .get("/api/notes/")
                    .get("get")
                    .get("parameters")
                    .forEach(p -> parameters.add(p.get("name").asText()));
            assertThat(parameters).contains("due_on__gte", "due_on__isnull", "ordering");
            JsonNode ordering =
                    doc.get("paths").get("/api/notes/").get("get").get("parameters").findValues("description").stream()
                            .filter(d -> d.asText().startsWith("Which fields"))
                            .findFirst()
                            .orElseThrow();
            assertThat(ordering.asText()).contains("created_at, due_on, id");

            JsonNode metadata = json(notes.send(TestRequest.of("OPTIONS", "/api/notes/")));
            assertThat(fieldNames(metadata.get("actions").get("POST")))
                    .contains("title", "due_on", "created_at")
                    .doesNotContain("dueOn", "createdAt");
        }
    }

    @DatabaseTest
    void camelCaseKeepsTheJavaNames(TestDatabase test) {
        try (Notes notes = new Notes(test, Naming.CAMEL_CASE)) {
            Response created = notes.send(
                    TestRequest.of("POST", "/api/notes/").json("{\"title\":\"early\",\"dueOn\":\"2026-01-02\"}"));
            assertThat(created.status()).as(new String(created.body())).isEqualTo(201);
            assertThat(json(created).has("createdAt")).isTrue();
            assertThat(notes.postForm("title=late&dueOn=2026-03-04").status()).isEqualTo(201);
            assertThat(titles(notes.send(TestRequest.get("/api/notes/?dueOn__gte=2026-02-01"))))
                    .containsExactly("late");
            assertThat(titles(notes.send(TestRequest.get("/api/notes/?ordering=-dueOn"))))
                    .containsExactly("late", "early");
            assertThat(notes.send(TestRequest.get("/api/notes/?due_on__gte=2026-02-01"))
                            .status())
                    .isEqualTo(400);
        }
    }

    @DatabaseTest
    void anAppWhoseNamingIsNotItsDatabasesFailsAtBuild(TestDatabase test) {
        assertThatThrownBy(() -> new Notes(test, Naming.SNAKE_CASE, Naming.CAMEL_CASE).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resource /api/notes/ names its filters and ordering by json.naming=snake_case")
                .hasMessageContaining("build the app and Database.lazy(config) from the same configuration");
    }

    @DatabaseTest
    void aFieldTheModelHasAlreadyIsRefusedNamingTheFix(TestDatabase test) {
        PorticoConfig config = test.config(
                b -> b.set(DatabaseSettings.MIGRATIONS, "db/naming").set(Settings.JSON_NAMING, Naming.SNAKE_CASE));
        try (Database db = Database.lazy(config)) {
            // the old spelling: a wire name declared again beside the model's createdAt
            assertThatThrownBy(() -> Resource.of(Model.of(Note.class), db, "/api/notes/")
                            .list(q -> q.field("created_at", Instant.class).ordering("created_at"))
                            .baseUrl(BaseUrl.of("https://api.example.com"))
                            .build())
                    .hasMessageContaining("two fields are named \"created_at\" on the wire")
                    .hasMessageContaining("drop field(...) for those and name them as the record does");
            assertThatThrownBy(() -> Resource.of(Model.of(Note.class), db, "/api/notes/")
                            .list(q -> q.field("title", String.class))
                            .baseUrl(BaseUrl.of("https://api.example.com"))
                            .build())
                    .hasMessageContaining("field \"title\" is declared twice");
        }
    }

    private static List<String> titles(Response response) {
        assertThat(response.status()).as(new String(response.body())).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        json(response).get("results").forEach(r -> titles.add(r.get("title").asText()));
        return titles;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
