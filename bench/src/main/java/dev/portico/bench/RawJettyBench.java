package dev.portico.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.portico.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline: the same endpoints on the server Portico runs on, Jetty 12's core API written by hand (a switch on
 * the path, the same Jackson mapper, a every thread virtual as Portico's), with {@code BENCH_PG_URL} set,
 * {@code /api/posts/} in plain JDBC ({@link RawPosts}).
 */
public final class RawJettyBench {
    private static final byte[] PLAIN = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAUTHORIZED =
            "{\"detail\":\"Authentication credentials were not provided.\",\"code\":\"not_authenticated\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND =
            "{\"detail\":\"Not found.\",\"code\":\"not_found\"}".getBytes(StandardCharsets.UTF_8);
    private static final String JSON = "application/json";

    private RawJettyBench() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8083");
        String mode = System.getProperty("bench.pool", "vtpool"); // Portico's: every thread virtual
        org.eclipse.jetty.util.thread.ThreadPool threads;
        if (mode.equals("vtpool")) {
            org.eclipse.jetty.util.thread.VirtualThreadPool pool =
                    new org.eclipse.jetty.util.thread.VirtualThreadPool();
            pool.setMaxConcurrentTasks(0); // as Portico's: Jetty's cap of 200 stalls the selector behind 200 waiters
            threads = pool;
        } else {
            QueuedThreadPool queued = new QueuedThreadPool();
            if (mode.equals("vt")) {
                queued.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("raw-"));
            }
            threads = queued;
        }
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setAcceptQueueSize(1024); // Portico's server.accept-queue: the JDK's 50 drops a 256-connection burst
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Endpoints(Json.mapper()));
        server.start();
    }

    private static final class Endpoints extends Handler.Abstract {
        private final ObjectWriter message;
        private final ObjectWriter page;
        private final RawPosts posts;
        private final Throttled throttled = Throttled.create();
        private final dev.portico.redis.Redis redis = Throttled.redis().orElse(null);
        private final Cached cached;

        Endpoints(ObjectMapper mapper) {
            this.message = mapper.writerFor(Items.Message.class);
            this.page = mapper.writerFor(Items.Page.class);
            this.posts = Posts.url().map(url -> new RawPosts(url, mapper)).orElse(null);
            this.cached = new Cached(page);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            String query = request.getHttpURI().getQuery();
            String ip = Request.getRemoteAddr(request);
            switch (path) {
                case "/plaintext" -> send(response, callback, 200, "text/plain; charset=utf-8", PLAIN);
                case "/json" ->
                    send(response, callback, 200, JSON, message.writeValueAsBytes(new Items.Message("Hello, World!")));
                case "/api/items" -> {
                    if (!Items.API_KEY.equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
                        send(response, callback, 401, JSON, UNAUTHORIZED);
                    } else {
                        send(
                                response,
                                callback,
                                200,
                                JSON,
                                page.writeValueAsBytes(
                                        Items.page(Query.intOr(query, "limit", 20), Query.intOr(query, "offset", 0))));
                    }
                }
                case "/api/posts/" -> {
                    if (posts == null) {
                        send(response, callback, 404, JSON, NOT_FOUND);
                    } else {
                        RawPosts.Answer answer = posts.list(
                                request.getHeaders().get(HttpHeader.AUTHORIZATION),
                                request.getHeaders().get(HttpHeader.HOST),
                                path,
                                query == null ? "" : query);
                        send(response, callback, answer.status(), JSON, answer.body());
                    }
                }
                case "/throttled", "/throttled-redis" -> {
                    long[] values = path.equals("/throttled") ? throttled.memory(ip) : throttled.redis(redis, ip);
                    for (int i = 0; i < values.length; i++) {
                        response.getHeaders().put(Throttled.HEADERS.get(i), Long.toString(values[i]));
                    }
                    send(response, callback, 200, JSON, message.writeValueAsBytes(new Items.Message("Hello, World!")));
                }
                case "/cached", Cached.REDIS_PATH -> {
                    int limit = Query.intOr(query, "limit", 20);
                    int offset = Query.intOr(query, "offset", 0);
                    String raw = query == null ? "" : query;
                    send(
                            response,
                            callback,
                            200,
                            JSON,
                            path.equals("/cached")
                                    ? cached.memory(ip, raw, limit, offset)
                                    : cached.redis(redis, ip, raw, limit, offset));
                }
                default -> send(response, callback, 404, JSON, NOT_FOUND);
            }
            return true;
        }

        private static void send(Response response, Callback callback, int status, String type, byte[] body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
