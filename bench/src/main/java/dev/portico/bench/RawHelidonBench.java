package dev.portico.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.portico.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * A peer: the same endpoints on Helidon 4's own routing (the server Portico ran on before Jetty), with the same Jackson mapper; with
 * {@code BENCH_PG_URL} set, {@code /api/posts/} in plain JDBC ({@link RawPosts}).
 */
public final class RawHelidonBench {
    private static final byte[] PLAIN = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAUTHORIZED =
            "{\"detail\":\"Authentication credentials were not provided.\",\"code\":\"not_authenticated\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private RawHelidonBench() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8082");
        ObjectMapper mapper = Json.mapper();
        ObjectWriter message = mapper.writerFor(Items.Message.class);
        ObjectWriter page = mapper.writerFor(Items.Page.class);
        RawPosts posts = Posts.url().map(url -> new RawPosts(url, mapper)).orElse(null);
        Throttled throttled = Throttled.create();
        dev.portico.redis.Redis redis = Throttled.redis().orElse(null);
        Cached cached = new Cached(page);
        WebServer.builder()
                .port(port)
                .routing(r -> {
                    r.get("/cached", (req, res) -> {
                        int limit = number(req, "limit", 20);
                        int offset = number(req, "offset", 0);
                        byte[] body = cached.memory(
                                req.remotePeer().host(), req.query().rawValue(), limit, offset);
                        res.header(HeaderValues.CONTENT_TYPE_JSON);
                        res.send(body);
                    });
                    if (redis != null) {
                        r.get(Cached.REDIS_PATH, (req, res) -> {
                            int limit = number(req, "limit", 20);
                            int offset = number(req, "offset", 0);
                            byte[] body = cached.redis(
                                    redis, req.remotePeer().host(), req.query().rawValue(), limit, offset);
                            res.header(HeaderValues.CONTENT_TYPE_JSON);
                            res.send(body);
                        });
                    }
                    if (posts != null) {
                        r.get("/api/posts/", (req, res) -> {
                            RawPosts.Answer answer = posts.list(
                                    req.headers()
                                            .first(HeaderNames.AUTHORIZATION)
                                            .orElse(null),
                                    req.headers().first(HeaderNames.HOST).orElse(null),
                                    req.path().rawPath(),
                                    req.query().rawValue());
                            res.status(Status.create(answer.status()))
                                    .header(HeaderValues.CONTENT_TYPE_JSON)
                                    .send(answer.body());
                        });
                    }
                    r.get("/throttled", (req, res) -> {
                        long[] values = throttled.memory(req.remotePeer().host());
                        sendThrottled(res, values, message);
                    });
                    if (redis != null) {
                        r.get("/throttled-redis", (req, res) -> {
                            long[] values =
                                    throttled.redis(redis, req.remotePeer().host());
                            sendThrottled(res, values, message);
                        });
                    }
                    r.get("/plaintext", (req, res) -> {
                        res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
                        res.send(PLAIN);
                    });
                    r.get("/json", (req, res) -> {
                        res.header(HeaderValues.CONTENT_TYPE_JSON);
                        res.send(message.writeValueAsBytes(new Items.Message("Hello, World!")));
                    });
                    r.get("/api/items", (req, res) -> {
                        if (!req.headers()
                                .first(HeaderNames.AUTHORIZATION)
                                .map(Items.API_KEY::equals)
                                .orElse(false)) {
                            res.status(Status.UNAUTHORIZED_401)
                                    .header(HeaderValues.CONTENT_TYPE_JSON)
                                    .send(UNAUTHORIZED);
                            return;
                        }
                        int limit = number(req, "limit", 20);
                        int offset = number(req, "offset", 0);
                        res.header(HeaderValues.CONTENT_TYPE_JSON);
                        res.send(page.writeValueAsBytes(Items.page(limit, offset)));
                    });
                })
                .build()
                .start();
    }

    /** A whole-number query parameter, or {@code orElse} when absent. */
    private static int number(ServerRequest req, String name, int orElse) {
        return req.query().first(name).map(Integer::parseInt).orElse(orElse);
    }

    /** The throttled rows' answer: the rate-limit headers of {@code values}, then the greeting. */
    private static void sendThrottled(ServerResponse res, long[] values, ObjectWriter message) throws Exception {
        for (int i = 0; i < values.length; i++) {
            res.header(Throttled.HEADERS.get(i), Long.toString(values[i]));
        }
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(message.writeValueAsBytes(new Items.Message("Hello, World!")));
    }
}
