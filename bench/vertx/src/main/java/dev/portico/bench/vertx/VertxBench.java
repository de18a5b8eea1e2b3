package dev.portico.bench.vertx;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's three in-memory endpoints on Vert.x 5 with vertx-web, as a Vert.x user writes them: a router,
 * handlers on the event loop (one verticle per core), a plain Jackson mapper for the same bytes as the other apps.
 *
 * <pre>{@code java -cp ... dev.portico.bench.vertx.VertxBench 18085}</pre>
 */
public final class VertxBench extends VerticleBase {
    /** One item. */
    public record Item(long id, String title, String content, Instant createdAt) {}

    /** A DRF page. */
    public record Page(int count, String next, String previous, List<Item> results) {}

    /** The answer of {@code /json}. */
    public record Message(String message) {}

    private static final List<Item> ALL = items();
    private static final Buffer PLAIN = Buffer.buffer("Hello, World!");
    private static final Buffer UNAUTHORIZED = Buffer.buffer(
            "{\"detail\":\"Authentication credentials were not provided.\",\"code\":\"not_authenticated\"}");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final ObjectWriter MESSAGE = MAPPER.writerFor(Message.class);
    private static final ObjectWriter PAGE = MAPPER.writerFor(Page.class);

    private final int port;

    VertxBench(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8085");
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx.vertx()
                .deployVerticle(() -> new VertxBench(port), new DeploymentOptions().setInstances(loops))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/plaintext")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end(PLAIN));
        router.get("/json").handler(ctx -> json(ctx, 200, MESSAGE, new Message("Hello, World!")));
        router.get("/api/items").handler(this::items);
        return vertx.createHttpServer().requestHandler(router).listen(port);
    }

    private void items(RoutingContext ctx) {
        if (!"Api-Key test-key".equals(ctx.request().getHeader("Authorization"))) {
            ctx.response()
                    .setStatusCode(401)
                    .putHeader("Content-Type", "application/json")
                    .end(UNAUTHORIZED);
            return;
        }
        json(ctx, 200, PAGE, page(intOr(ctx.queryParam("limit"), 20), intOr(ctx.queryParam("offset"), 0)));
    }

    private static void json(RoutingContext ctx, int status, ObjectWriter writer, Object value) {
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(writer.writeValueAsBytes(value)));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    private static int intOr(List<String> values, int fallback) {
        try {
            return values.isEmpty() ? fallback : Integer.parseInt(values.get(0));
        } catch (NumberFormatException e) {
            return fallback;
        }
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

    private static Page page(int limit, int offset) {
        int from = Math.min(Math.max(offset, 0), ALL.size());
        int to = Math.min(from + Math.max(limit, 0), ALL.size());
        String next = to < ALL.size() ? "/api/items?limit=" + limit + "&offset=" + to : null;
        String previous = from > 0 ? "/api/items?limit=" + limit + "&offset=" + Math.max(0, from - limit) : null;
        return new Page(ALL.size(), next, previous, ALL.subList(from, to));
    }
}
