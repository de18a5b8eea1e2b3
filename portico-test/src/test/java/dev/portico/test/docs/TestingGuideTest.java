package dev.portico.test.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.Multipart;
import dev.portico.test.MutableClock;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import dev.portico.throttle.Throttle;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The samples of docs/testing.md, run: each region is quoted there verbatim. */
// region class
@PorticoTest(database = TestDatabase.NONE) // the default is a fresh H2 database per class
class TestingGuideTest {
    record NewNote(@NotBlank String title, String text) {}

    record Note(int id, String title, String text) {}

    @App
    static Portico app(TestSetup setup) {
        List<Note> notes = new CopyOnWriteArrayList<>();
        return Portico.builder()
                .config(setup.config().build()) // the class's clock (and database), loopback, port 0
                .post(
                        "/api/notes/",
                        NewNote.class,
                        Note.class,
                        (req, n) -> {
                            Note note = new Note(notes.size() + 1, n.title(), n.text());
                            notes.add(note);
                            return note;
                        },
                        e -> e.status(201))
                .get(
                        "/api/notes/",
                        Note[].class,
                        req -> notes.toArray(Note[]::new),
                        e -> e.throttle(Throttle.of("3/min")))
                .build();
    }

    @Test
    void createsANote(PorticoClient client) {
        TestResponse created =
                client.post("/api/notes/").json(new NewNote("Hello", "first")).send();
        assertThat(created).hasStatus(201).hasJsonPath("$.title", "Hello");
        Note note = created.json(Note.class);
        assertThat(note.text()).isEqualTo("first");
    }
}
// endregion class

/** The other samples of docs/testing.md, on the same application. */
@PorticoTest(database = TestDatabase.NONE)
class TestingGuideMoreTest {

    @App
    static Portico app(TestSetup setup) {
        return TestingGuideTest.app(setup);
    }

    @Test
    void errors(PorticoClient client) {
        // region errors
        assertThat(client.post("/api/notes/").json("{\"text\": \"no title\"}").send())
                .isProblem(400)
                .hasCode("invalid")
                .hasFieldError("title", "This field is required.");
        // endregion errors
    }

    @Test
    void bodies(PorticoClient client) {
        // region bodies
        client.post("/api/notes/").json(Map.of("title", "From a map")).send();
        client.post("/api/notes/").json("{\"title\": \"From a string\"}").send();
        client.post("/api/notes/")
                .form(Map.of("title", "From a form", "text", "a & b"))
                .send();
        client.post("/api/notes/")
                .multipart(Multipart.create()
                        .field("title", "From multipart")
                        .field("text", "a file part: .file(name, fileName, contentType, bytes)"))
                .send();
        TestResponse page = client.get("/api/notes/")
                .query("page", 2)
                .header("Accept", "application/json")
                .send();
        // endregion bodies
        assertThat(page).hasStatus(200);
    }

    @Test
    void clock(PorticoClient client, MutableClock clock) {
        clock.set(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        // region clock
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/notes/").send()).hasStatus(200);
        }
        assertThat(client.get("/api/notes/").send()).isProblem(429).hasHeader("Retry-After", "60");
        clock.advance(Duration.ofMinutes(1)); // the next window: no sleep
        assertThat(client.get("/api/notes/").send()).hasStatus(200);
        // endregion clock
    }
}
