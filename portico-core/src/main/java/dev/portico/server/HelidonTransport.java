package dev.portico.server;

import dev.portico.pipeline.Transport;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;

/** A Helidon request seen as a {@link Transport}. */
final class HelidonTransport implements Transport {

    private final ServerRequest request;

    HelidonTransport(ServerRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.prologue().method().text();
    }

    @Override
    public String rawPath() {
        return request.path().rawPath();
    }

    @Override
    public String rawQuery() {
        return request.query().rawValue();
    }

    /**
     * One lookup: {@code Headers.first} is {@code contains} then {@code get}, two searches, and for a name Helidon does
     * not know (X-Request-Id, asked on every request) each is a hash-map search with a fresh hash of the name.
     */
    @Override
    public Optional<String> header(String name) {
        List<String> values = request.headers().all(name(name), List::of);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> headers(String name) {
        return request.headers().all(name(name), List::of);
    }

    private static HeaderName name(String name) {
        return switch (name) {
            case "Accept" -> HeaderNames.ACCEPT;
            case "Authorization" -> HeaderNames.AUTHORIZATION;
            case "Content-Type" -> HeaderNames.CONTENT_TYPE;
            case "X-Request-Id" -> Headers.X_REQUEST_ID;
            default -> HeaderNames.create(name);
        };
    }

    @Override
    public long contentLength() {
        return request.headers().contentLength().orElse(-1);
    }

    @Override
    public InputStream body() {
        // a new empty stream each time: a shared one, once closed by one request, would throw for every later one
        return request.content().hasEntity() ? request.content().inputStream() : InputStream.nullInputStream();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        SocketAddress address = request.remotePeer().address();
        return address instanceof InetSocketAddress inet ? inet : new InetSocketAddress(0);
    }
}
