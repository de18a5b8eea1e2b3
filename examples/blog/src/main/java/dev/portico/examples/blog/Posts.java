package dev.portico.examples.blog;

import dev.portico.annotation.Delete;
import dev.portico.annotation.Get;
import dev.portico.annotation.Operation;
import dev.portico.annotation.Put;
import dev.portico.annotation.Query;
import dev.portico.annotation.Status;
import dev.portico.annotation.ReadOnly;
import dev.portico.error.NotFound;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The blog's posts as an annotated controller, kept in memory until the SQL layer arrives: list, create,
 * retrieve, update and delete, with the status codes DRF's generic views use.
 */
public final class Posts {
    private final ConcurrentSkipListMap<Long, Post> posts = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A stored post; the server sets its id and creation time. Titles are at most 50 characters, as seed 004's model. */
    public record Post(@ReadOnly long id, @NotBlank @Size(max = 50) String title, String content,
                       @ReadOnly Instant createdAt) {
    }

    /** What a client sends to create or replace a post, as JSON or as an HTML form. */
    public record PostInput(@NotBlank @Size(max = 50) String title, @NotNull String content) {
    }

    @Get("/api/posts/")
    @Operation(summary = "List posts", description = "Every post, newest last; search filters by title or content.")
    public List<Post> list(@Query Optional<@Size(max = 100) String> search) {
        return posts.values().stream()
                .filter(p -> search.isEmpty() || p.title().contains(search.get()) || p.content().contains(search.get()))
                .toList();
    }

    @dev.portico.annotation.Post("/api/posts/") // qualified: the record below is called Post too
    @Status(201)
    @Operation(summary = "Create a post")
    public Post create(PostInput input) {
        long id = ids.incrementAndGet();
        Post post = new Post(id, input.title(), input.content(), Instant.now());
        posts.put(id, post);
        return post;
    }

    @Get("/api/posts/{id}/")
    @Operation(summary = "Retrieve a post")
    public Post retrieve(long id) {
        Post post = posts.get(id);
        if (post == null) {
            throw new NotFound();
        }
        return post;
    }

    @Put("/api/posts/{id}/")
    @Operation(summary = "Replace a post")
    public Post update(long id, PostInput input) {
        Post old = retrieve(id);
        Post post = new Post(id, input.title(), input.content(), old.createdAt());
        posts.put(id, post);
        return post;
    }

    @Delete("/api/posts/{id}/")
    @Operation(summary = "Delete a post")
    public void destroy(long id) {
        if (posts.remove(id) == null) {
            throw new NotFound();
        }
    }
}
