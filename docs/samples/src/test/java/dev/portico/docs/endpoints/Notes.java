package dev.portico.docs.endpoints;

import dev.portico.annotation.Delete;
import dev.portico.annotation.Get;
import dev.portico.annotation.Post;
import dev.portico.annotation.Query;
import dev.portico.annotation.Status;
import dev.portico.error.NotFound;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The controller of docs/endpoints.md. */
// region controller
public final class Notes {
    private final Map<Long, Note> notes = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public record Author(@NotBlank String name, Optional<String> email) {}

    public record NewNote(
            @NotBlank @Size(max = 50) String title,
            Optional<String> text,
            Optional<Author> author,
            List<@NotBlank String> tags) {}

    public record Note(long id, String title, Optional<String> text, Optional<Author> author, List<String> tags) {}

    @Post("/api/notes/")
    @Status(201)
    public Note create(NewNote note) {
        long id = ids.incrementAndGet();
        Note created = new Note(id, note.title(), note.text(), note.author(), note.tags());
        notes.put(id, created);
        return created;
    }

    @Get("/api/notes/{id}/")
    public Note retrieve(long id) {
        Note note = notes.get(id);
        if (note == null) {
            throw new NotFound("No note " + id + ".");
        }
        return note;
    }

    @Get("/api/notes/")
    public List<Note> list(@Query(defaultValue = "10") @Min(1) @Max(100) int limit, Optional<String> tag) {
        return notes.values().stream()
                .filter(n -> tag.map(n.tags()::contains).orElse(true))
                .limit(limit)
                .toList();
    }

    @Delete("/api/notes/{id}/")
    public void delete(long id) {
        notes.remove(id);
    }
}
// endregion controller
