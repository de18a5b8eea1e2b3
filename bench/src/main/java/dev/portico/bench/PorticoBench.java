package dev.portico.bench;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.jwt.JwtAuthenticator;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.jwt.Tokens;
import dev.portico.cache.ResponseCache;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.model.Model;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.Pagination;
import dev.portico.data.resource.Action;
import dev.portico.data.resource.Resource;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.MediaType;
import dev.portico.http.Principal;
import dev.portico.redis.cache.RedisResponseCache;
import dev.portico.redis.throttle.RedisThrottleStore;
import dev.portico.throttle.Throttle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark endpoints on Portico, through the full pipeline; the key check is a real authenticator. With
 * {@code BENCH_PG_URL} set, {@code /api/posts/} is a real {@link Resource} (list only) on that PostgreSQL database,
 * for callers with a bearer JWT ({@link JwtAuthenticator}: the token checked, its user read from {@code auth_users}).
 */
public final class PorticoBench {
    private static final byte[] KEY = Items.API_KEY.getBytes(StandardCharsets.US_ASCII);
    private static final Principal CALLER = Principal.of("bench", Set.of());

    private PorticoBench() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8081");
        Authenticator apiKey = new Authenticator() {
            @Override
            public Optional<Principal> authenticate(dev.portico.http.Request request) {
                Optional<String> header = request.header("Authorization");
                if (header.isEmpty() || !header.get().startsWith("Api-Key ")) {
                    return Optional.empty();
                }
                if (!MessageDigest.isEqual(header.get().getBytes(StandardCharsets.US_ASCII), KEY)) {
                    throw new AuthenticationFailed();
                }
                return Optional.of(CALLER);
            }

            @Override
            public Optional<String> challenge() {
                return Optional.of("Api-Key");
            }
        };
        PorticoConfig.Builder settings = JwtSettings.register(
                        AuthSettings.register(DatabaseSettings.register(PorticoConfig.builder())))
                .set(JwtSettings.SECRET, Posts.jwtSecret())
                .set(Settings.SERVER_PORT, port)
                .set(Settings.ACCESS_LOG_ENABLED, false)
                .set(Settings.SERVER_ACCEPT_QUEUE, 1024); // wrk's 256 connections at once, as the raw baselines
        Posts.url()
                .ifPresent(url -> settings.set(DatabaseSettings.URL, url)
                        .set(DatabaseSettings.USER, Posts.user())
                        .set(DatabaseSettings.PASSWORD, Posts.password())
                        .set(DatabaseSettings.POOL_SIZE, Posts.POOL_SIZE)
                        .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.FALSE));
        PorticoConfig config = settings.build();
        Portico.Builder app = Portico.builder()
                .config(config)
                .get("/plaintext", String.class, request -> "Hello, World!", e -> e.produces(MediaType.TEXT_PLAIN_UTF8))
                .get("/json", Items.Message.class, request -> new Items.Message("Hello, World!"))
                .get(
                        "/api/items",
                        Items.Page.class,
                        request -> Items.page((Integer) request.input("limit"), (Integer) request.input("offset")),
                        e -> e.query("limit", Integer.class, "20")
                                .query("offset", Integer.class, "0")
                                .authenticators(apiKey)
                                .permissions(Permission.authenticated()));
        // the throttled rows: the app's in-memory store, and a throttle bound to a Redis store of its own
        app.get(
                "/throttled",
                Items.Message.class,
                request -> new Items.Message("Hello, World!"),
                e -> e.throttle(Throttle.of(Throttled.LIMIT, Throttled.WINDOW)));
        // the cached rows: the page of /api/items, anonymous (by client IP), in memory and in Redis
        app.get(
                "/cached",
                Items.Page.class,
                request -> Items.page((Integer) request.input("limit"), (Integer) request.input("offset")),
                e -> e.query("limit", Integer.class, "20")
                        .query("offset", Integer.class, "0")
                        .cacheFor(Cached.TTL));
        ResponseCache memory = ResponseCache.inMemory(config.get(Settings.CACHE_MEMORY_MAX_SIZE));
        app.responseCache(memory);
        Throttled.redis().ifPresent(redis -> {
            app.responseCache(new Cached.ByPath(memory, RedisResponseCache.create(redis)))
                    .get(
                            Cached.REDIS_PATH,
                            Items.Page.class,
                            request -> Items.page((Integer) request.input("limit"), (Integer) request.input("offset")),
                            e -> e.query("limit", Integer.class, "20")
                                    .query("offset", Integer.class, "0")
                                    .cacheFor(Cached.TTL));
            Throttle inRedis = Throttle.of(Throttled.LIMIT, Throttled.WINDOW)
                    .bind(RedisThrottleStore.create(redis), "GET /throttled-redis");
            Throttle kept = inRedis::acquire; // a lambda keeps its own store when the pipeline binds throttles
            app.onStart(redis::connect)
                    .onStop(redis)
                    .get(
                            "/throttled-redis",
                            Items.Message.class,
                            request -> new Items.Message("Hello, World!"),
                            e -> e.throttle(kept));
        });
        if (Posts.url().isPresent()) {
            Database db = Database.lazy(config);
            app.onStart(db::open).onStop(db);
            Tokens tokens = Tokens.create(Accounts.create(db, config), config);
            posts(db, JwtAuthenticator.create(tokens)).addTo(app);
        }
        app.build().start();
    }

    /**
     * The posts, listed as the blog example lists them: newest first, DRF's page-number pagination, for callers with
     * a JWT (no throttle, no cache).
     */
    private static Resource<Posts.Post> posts(Database db, Authenticator jwt) {
        return Resource.of(Model.of(Posts.Post.class), db, "/api/posts/")
                .actions(Action.LIST)
                .list(q -> q.field("created_at", Instant.class)
                        .defaultOrdering("-created_at")
                        .pagination(Pagination.pageNumber(10, 100)))
                .baseUrl(r -> BaseUrl.fromHost(r, "http", Posts.ALLOWED_HOSTS))
                .endpoints(e -> e.authenticators(jwt).permissions(Permission.authenticated()))
                .build();
    }
}
