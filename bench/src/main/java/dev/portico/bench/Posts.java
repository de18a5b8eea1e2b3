package dev.portico.bench;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The database row of the benchmark: {@code GET /api/posts/?page_size=20} on PostgreSQL, 1000 rows in the table
 * {@code posts} of the schema {@code bench} that {@code run.sh} fills before either server starts (the servers
 * only read). Both servers connect to the same JDBC URL with pools of the same size.
 */
public final class Posts {
    /** One stored post; the Portico model maps it to {@code posts(id, title, content, draft, created_at)}. */
    public record Post(long id, String title, String content, boolean draft, Instant createdAt) {
    }

    /** The pool size of both servers. */
    static final int POOL_SIZE = 16;
    /** The hosts a page link may name, as {@code server.allowed-hosts}. */
    static final Set<String> ALLOWED_HOSTS = Set.of("127.0.0.1", "localhost");

    private Posts() {
    }

    /**
     * The JDBC URL from {@code BENCH_PG_URL}, empty when unset: then the servers leave the database row out,
     * so the other rows still run on a machine without PostgreSQL.
     */
    static Optional<String> url() {
        String url = System.getenv("BENCH_PG_URL");
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
    }

    static String user() {
        return System.getenv().getOrDefault("BENCH_PG_USER", "postgres");
    }

    static String password() {
        return System.getenv().getOrDefault("BENCH_PG_PASSWORD", "");
    }
}
