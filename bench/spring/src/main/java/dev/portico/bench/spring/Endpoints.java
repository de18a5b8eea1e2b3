package dev.portico.bench.spring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The benchmark's endpoints: the same bytes as the other apps (the Host header aside in the posts' links). */
@RestController
class Endpoints {
    /** One item. */
    record Item(long id, String title, String content, Instant createdAt) {}

    /** A DRF page. */
    record Page<T>(long count, String next, String previous, List<T> results) {}

    /** The answer of {@code /json}. */
    record Message(String message) {}

    /** One post, as Portico's model writes it. */
    record Post(long id, String title, String content, boolean draft, Instant createdAt) {}

    private static final List<Item> ALL = items();
    private static final Set<String> ALLOWED_HOSTS = Set.of("127.0.0.1", "localhost");
    private static final String UNAUTHORIZED =
            "{\"detail\":\"Authentication credentials were not provided.\",\"code\":\"not_authenticated\"}";
    private static final String BAD_HOST = "{\"detail\":\"Invalid Host header.\",\"code\":\"bad_request\"}";

    private final JdbcClient db;

    Endpoints(JdbcClient db) {
        this.db = db;
    }

    @GetMapping(value = "/plaintext", produces = "text/plain; charset=utf-8")
    String plaintext() {
        return "Hello, World!";
    }

    @GetMapping("/json")
    Message json() {
        return new Message("Hello, World!");
    }

    @GetMapping("/api/items")
    ResponseEntity<?> items(
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (!"Api-Key test-key".equals(authorization)) {
            return ResponseEntity.status(401)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(UNAUTHORIZED);
        }
        int from = Math.min(Math.max(offset, 0), ALL.size());
        int to = Math.min(from + Math.max(limit, 0), ALL.size());
        String next = to < ALL.size() ? "/api/items?limit=" + limit + "&offset=" + to : null;
        String previous = from > 0 ? "/api/items?limit=" + limit + "&offset=" + Math.max(0, from - limit) : null;
        return ResponseEntity.ok(new Page<>(ALL.size(), next, previous, ALL.subList(from, to)));
    }

    /**
     * DRF's page-number page of the posts, newest first; the caller was checked by {@link Security}. The links name
     * {@code page_size} and {@code page}, the only parameters this endpoint takes (the raw floor keeps any others).
     */
    @GetMapping("/api/posts/")
    ResponseEntity<?> posts(
            @RequestHeader(value = "Host", required = false) String hostHeader,
            @RequestParam(name = "page_size", defaultValue = "10") int pageSize,
            @RequestParam(defaultValue = "1") int page) {
        String host = hostHeader == null ? "" : hostHeader.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (!ALLOWED_HOSTS.contains(colon > 0 ? host.substring(0, colon) : host)) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(BAD_HOST);
        }
        int size = Math.min(pageSize > 0 ? pageSize : 10, 100);
        int number = page > 0 ? page : 1;
        long count = db.sql("SELECT COUNT(*) FROM posts").query(Long.class).single();
        List<Post> rows = db.sql("SELECT id, title, content, draft, created_at FROM posts"
                        + " ORDER BY created_at DESC NULLS FIRST, id ASC NULLS LAST LIMIT ? OFFSET ?")
                .params(size, (long) (number - 1) * size)
                .query((rs, i) -> new Post(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant()))
                .list();
        String self = "http://" + host + "/api/posts/?page_size=" + size + "&";
        String next = (long) number * size < count ? self + "page=" + (number + 1) : null;
        String previous = number > 1
                ? (number == 2 ? self.substring(0, self.length() - 1) : self + "page=" + (number - 1))
                : null;
        return ResponseEntity.ok(new Page<>(count, next, previous, rows));
    }

    private static List<Item> items() {
        List<Item> items = new ArrayList<>(1000);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 1000; i++) {
            items.add(new Item(
                    i,
                    "Item " + i,
                    "Content of item " + i + ", long enough to look like a post.",
                    base.plusSeconds(i * 60L)));
        }
        return List.copyOf(items);
    }
}
