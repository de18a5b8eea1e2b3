package dev.portico.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.annotation.Get;
import dev.portico.test.PorticoClient;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The root README.md's sample, built as the README shows it and called in-process. */
class ReadmeSampleTest {

    record Note(int id, String title, String text) {}

    record Post(long id, String title) {}

    /** The README's {@code notes}: adding a new note answers the stored one. */
    static final class NoteList {
        private final List<Note> notes = new CopyOnWriteArrayList<>();

        Note add(NewNote note) {
            Note stored = new Note(notes.size() + 1, note.title(), note.text());
            notes.add(stored);
            return stored;
        }
    }

    public static class Posts {
        @Get("/api/posts/{id}/")
        public Post retrieve(long id) {
            return new Post(id, "post " + id);
        }
    }

    private final NoteList notes = new NoteList();

    // region readme
    record Greeting(String message) {}

    record NewNote(@NotBlank @Size(max = 50) String title, String text) {} // from JSON, a form or multipart

    Portico app = Portico.builder()
            .get("/api/hello/{name}/", Greeting.class, req -> new Greeting("Hello, " + req.pathParam("name") + "!"))
            .post("/api/notes/", NewNote.class, Note.class, (req, note) -> notes.add(note), e -> e.status(201))
            .controller(new Posts()) // @Get("/api/posts/{id}/") Post retrieve(long id) { ... }
            .build(); // every route and pipeline checked and composed here
    // endregion readme

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theReadmeAppAnswers() {
        PorticoClient client = PorticoClient.inProcess(app);
        assertThat(client.get("/api/hello/ada/").send()).hasJsonPath("$.message", "Hello, ada!");
        assertThat(client.post("/api/notes/")
                        .form(Map.of("title", "Hi", "text", "from a form"))
                        .send())
                .hasStatus(201)
                .hasJsonPath("$.id", 1)
                .hasJsonPath("$.title", "Hi");
        assertThat(client.post("/api/notes/")
                        .json(Map.of("title", "x".repeat(51), "text", ""))
                        .send())
                .isProblem(400)
                .hasFieldError("title");
        assertThat(client.get("/api/posts/7/").send()).hasJsonPath("$.title", "post 7");
    }
}
