package dev.portico.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor of a real server: Jetty 12 core with a handler that declares itself {@link
 * org.eclipse.jetty.util.thread.Invocable.InvocationType#NON_BLOCKING} ({@link Handler.Abstract.NonBlocking}), so
 * Jetty calls it on the selector (producer) thread that read the request, with no dispatch to another thread and no
 * virtual thread. It can only serve what never blocks: {@code /plaintext}, {@code /json}, {@code /api/items} (a plain
 * Jackson mapper, the same bytes as the other apps), not the database row.
 */
public final class JettyNonBlockingBench {
    private static final byte[] PLAIN = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAUTHORIZED =
            "{\"detail\":\"Authentication credentials were not provided.\",\"code\":\"not_authenticated\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND =
            "{\"detail\":\"Not found.\",\"code\":\"not_found\"}".getBytes(StandardCharsets.UTF_8);

    private JettyNonBlockingBench() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8084");
        Server server = new Server(new QueuedThreadPool()); // platform threads: only the selector's do the work
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setAcceptQueueSize(1024); // Portico's server.accept-queue: the JDK's 50 drops a 256-connection burst
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Endpoints());
        server.start();
    }

    private static final class Endpoints extends Handler.Abstract.NonBlocking {
        private final ObjectWriter message;
        private final ObjectWriter page;

        Endpoints() {
            JsonMapper mapper = JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build();
            this.message = mapper.writerFor(Items.Message.class);
            this.page = mapper.writerFor(Items.Page.class);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String query = request.getHttpURI().getQuery();
            switch (request.getHttpURI().getPath()) {
                case "/plaintext" -> send(response, callback, 200, "text/plain; charset=utf-8", PLAIN);
                case "/json" ->
                    send(
                            response,
                            callback,
                            200,
                            "application/json",
                            message.writeValueAsBytes(new Items.Message("Hello, World!")));
                case "/api/items" -> {
                    if (!Items.API_KEY.equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
                        send(response, callback, 401, "application/json", UNAUTHORIZED);
                    } else {
                        send(
                                response,
                                callback,
                                200,
                                "application/json",
                                page.writeValueAsBytes(
                                        Items.page(Query.intOr(query, "limit", 20), Query.intOr(query, "offset", 0))));
                    }
                }
                default -> send(response, callback, 404, "application/json", NOT_FOUND);
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
