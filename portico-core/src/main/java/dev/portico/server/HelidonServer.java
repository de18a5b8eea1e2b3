package dev.portico.server;

import dev.portico.error.ApiException;
import dev.portico.http.HttpMethod;
import dev.portico.http.Response;
import dev.portico.pipeline.Application;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Portico on Helidon 4's WebServer. One catch-all Helidon route hands every request to the
 * {@link Application}; Helidon's own routing is not used, since Portico's router already knows every path.
 * Errors Helidon raises before a request reaches the application (a malformed request line, headers past
 * the limit) are answered in Portico's error format through Helidon's direct handlers.
 */
final class HelidonServer implements HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HelidonServer.class);

    private final Application application;
    private final WebServer server;
    private final LongAdder inFlight = new LongAdder();
    private final Duration grace;
    private volatile boolean draining;

    HelidonServer(Application application, Options options) {
        this.application = application;
        this.grace = options.shutdownGrace();
        this.server = WebServer.builder()
                .host(options.host())
                .port(options.port())
                .shutdownHook(false)
                // Helidon's stop closes the listener first, then gives running requests this long
                .shutdownGracePeriod(options.shutdownGrace())
                .idleConnectionTimeout(options.idleTimeout())
                .addProtocol(Http1Config.builder()
                        .maxHeadersSize(options.maxHeaderSize())
                        .maxPrologueLength(Math.min(options.maxHeaderSize(), 8192))
                        .build())
                .directHandlers(handlers -> {
                    DirectHandler direct = new Direct();
                    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                        handlers.addHandler(type, direct);
                    }
                })
                .routing(routing -> routing.any(this::handle))
                .build();
    }

    @Override
    public HttpServer start() {
        server.start();
        return this;
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public boolean isRunning() {
        return server.isRunning() && !draining;
    }

    /**
     * Closes the listener before anything else, so no new connection is accepted and then refused: a proxy that
     * finds the port closed retries on another instance, whatever the method, since it sent nothing. Requests already
     * read are answered normally (with {@code Connection: close}) within the grace period; Helidon then closes the
     * connections left.
     */
    @Override
    public void stop() {
        draining = true;
        server.stop(); // closes the listener, interrupts idle connections, waits up to the grace for running ones
        long left = inFlight.sum();
        if (left > 0) {
            LOG.warn("stopped with {} requests still running after the {} grace period", left, grace);
        }
    }

    private void handle(ServerRequest request, ServerResponse response) {
        if (draining) {
            response.header(HeaderValues.CONNECTION_CLOSE);
        }
        inFlight.increment();
        try {
            Response answer = application.handle(new HelidonTransport(request));
            boolean head = request.prologue().method() == io.helidon.http.Method.HEAD;
            try {
                write(response, answer, head);
            } finally {
                answer.complete();
            }
        } finally {
            inFlight.decrement();
        }
    }

    private static void write(ServerResponse out, Response response, boolean head) {
        out.status(status(response.status()));
        for (int i = 0; i < response.headerCount(); i++) {
            // add, not set: a name given twice (two Set-Cookie) must reach the client twice
            out.headers().add(name(response.headerName(i)), response.headerValue(i));
        }
        response.contentType().ifPresent(type -> out.header(contentType(type)));
        if (response.writer().isPresent()) {
            if (head) {
                out.send();
                return;
            }
            try (OutputStream stream = out.outputStream()) {
                response.writer().get().write(stream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        byte[] body = response.body();
        if (head) {
            out.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            out.send();
        } else {
            out.send(body);
        }
    }

    private static final io.helidon.http.Header JSON = HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json");
    private static final io.helidon.http.Header TEXT = HeaderValues.create(HeaderNames.CONTENT_TYPE,
            dev.portico.http.MediaType.TEXT_PLAIN_UTF8);

    /** The common Content-Type headers are made once; the rest per response. */
    private static io.helidon.http.Header contentType(String type) {
        if (type.equals("application/json")) {
            return JSON;
        }
        return type.equals(dev.portico.http.MediaType.TEXT_PLAIN_UTF8) ? TEXT : HeaderValues.create(HeaderNames.CONTENT_TYPE, type);
    }

    private static Status status(int code) {
        return switch (code) {
            case 200 -> Status.OK_200;
            case 201 -> Status.CREATED_201;
            case 204 -> Status.NO_CONTENT_204;
            default -> Status.create(code);
        };
    }

    private static HeaderName name(String name) {
        return name.equals("X-Request-Id") ? Headers.X_REQUEST_ID : HeaderNames.create(name);
    }

    /**
     * Helidon reports most transport errors as a plain 400 without saying which (an over-long header block
     * included); where its message does say, the precise status is answered. Read once per refused
     * connection, never on the request path.
     */
    static int statusOf(Status status, String message) {
        if (message != null && message.contains("Header size exceeded")) {
            return 431;
        }
        if (message != null && message.contains("URI too long")) {
            return 414;
        }
        return status.code();
    }

    /** Answers Helidon's transport-level errors in Portico's error format. */
    private final class Direct implements DirectHandler {
        @Override
        public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                        io.helidon.http.ServerResponseHeaders headers, Throwable thrown) {
            return direct(request, type, status, headers, describe(thrown));
        }

        @Override
        public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                        io.helidon.http.ServerResponseHeaders headers, String message) {
            return direct(request, type, status, headers, message);
        }

        private static String describe(Throwable thrown) {
            StringBuilder sb = new StringBuilder();
            for (Throwable t = thrown; t != null && sb.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
                sb.append(t.getMessage()).append(' ');
            }
            return sb.toString();
        }
    }

    private DirectHandler.TransportResponse direct(DirectHandler.TransportRequest request, DirectHandler.EventType type,
                                                   Status status, io.helidon.http.ServerResponseHeaders headers,
                                                   String message) {
        ApiException error = switch (statusOf(status, message)) {
            case 413 -> new ApiException(413, "payload_too_large", "Request body is too large.");
            case 414 -> new ApiException(414, "uri_too_long", "Request line is too long.");
            case 431 -> new ApiException(431, "request_header_fields_too_large", "Request headers are too large.");
            case 505 -> new ApiException(505, "http_version_not_supported", "HTTP version not supported.");
            default -> status.code() >= 500
                    ? new ApiException(500, "server_error", "Internal server error.")
                    : new ApiException(status.code() < 400 ? 400 : status.code(), "bad_request",
                            "Malformed request, or request headers larger than the limit.");
        };
        Response body = application.errors().render(error);
        DirectHandler.TransportResponse.Builder builder = DirectHandler.TransportResponse.builder()
                .status(Status.create(error.status()))
                .headers(headers)
                .keepAlive(false)
                .header(HeaderNames.CONTENT_TYPE, body.contentType().orElse("application/json"))
                .entity(body.body());
        return builder.build();
    }

}
