package dev.portico.examples.blog;

import dev.portico.annotation.Delete;
import dev.portico.annotation.Get;
import dev.portico.annotation.Put;
import dev.portico.annotation.Query;
import dev.portico.annotation.Status;
import dev.portico.error.NotFound;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The blog's posts as an annotated controller, kept in memory until the SQL layer arrives: list, create,
 * retrieve, update and delete, with the status codes DRF's generic views use.
 */
public final class Posts {
    private final ConcurrentSkipListMap<Long, Post> posts = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A stored post. */
    public record Post(long id, String title, String content, Instant createdAt) {
    }

    /** What a client sends to create or replace a post. */
    public record PostInput(String title, String content) {
    }

    @Get("/api/posts/")
    public List<Post> list(@Query(defaultValue = "") String search) {
        return posts.values().stream()
                .filter(p -> search.isEmpty() || p.title().contains(search) || p.content().contains(search))
                .toList();
    }

    @dev.portico.annotation.Post("/api/posts/") // qualified: the record below is called Post too
    @Status(201)
    public Post create(PostInput input) {
        long id = ids.incrementAndGet();
        Post post = new Post(id, input.title(), input.content(), Instant.now());
        posts.put(id, post);
        return post;
    }

    @Get("/api/posts/{id}/")
    public Post retrieve(long id) {
        Post post = posts.get(id);
        if (post == null) {
            throw new NotFound();
        }
        return post;
    }

    @Put("/api/posts/{id}/")
    public Post update(long id, PostInput input) {
        Post old = retrieve(id);
        Post post = new Post(id, input.title(), input.content(), old.createdAt());
        posts.put(id, post);
        return post;
    }

    @Delete("/api/posts/{id}/")
    public void destroy(long id) {
        if (posts.remove(id) == null) {
            throw new NotFound();
        }
    }
}
