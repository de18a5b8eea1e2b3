package dev.portico.bench;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The database row of the benchmark: {@code GET /api/posts/?page_size=20} on PostgreSQL, 1000 rows in the table
 * {@code posts} of the schema {@code bench} that {@code run.sh} fills before either server starts (the servers
 * only read). Both servers connect to the same JDBC URL with pools of the same size. The caller shows a bearer JWT
 * (HS256, {@link #jwtSecret()}) whose user, looked up in {@code auth_users}, must exist and be active.
 */
public final class Posts {
    /** One stored post; the Portico model maps it to {@code posts(id, title, content, draft, created_at)}. */
    public record Post(long id, String title, String content, boolean draft, Instant createdAt) {}

    /** The pool size of both servers. */
    static final int POOL_SIZE = 16;
    /** The hosts a page link may name, as {@code server.allowed-hosts}. */
    static final Set<String> ALLOWED_HOSTS = Set.of("127.0.0.1", "localhost");

    private Posts() {}

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

    /**
     * The HS256 key of the bearer tokens {@code /api/posts/} takes ({@code BENCH_JWT_SECRET}, as {@code jwt.sh} signs
     * them); the default is jwt.sh's.
     */
    static String jwtSecret() {
        return System.getenv().getOrDefault("BENCH_JWT_SECRET", "bench-secret-for-hs256-only-0123456789abcdef");
    }
}
