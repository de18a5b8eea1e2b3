package dev.portico.server;

import dev.portico.pipeline.Transport;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** A Jetty request seen as a {@link Transport}. */
final class JettyTransport implements Transport {
    private final Request request;
    private final Duration bodyTimeout;

    JettyTransport(Request request, Duration bodyTimeout) {
        this.request = request;
        this.bodyTimeout = bodyTimeout;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String rawPath() {
        return request.getHttpURI().getPath();
    }

    @Override
    public String rawQuery() {
        String query = request.getHttpURI().getQuery();
        return query == null ? "" : query;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public List<String> headers(String name) {
        return request.getHeaders().getValuesList(name);
    }

    @Override
    public long contentLength() {
        return request.getLength();
    }

    @Override
    public InputStream body() {
        return new RequestBody(Content.Source.asInputStream(request), request.getLength(), bodyTimeout);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return inet(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    @Override
    public String peerAddress() {
        return request.getConnectionMetaData().getConnection() instanceof ConnectionWatch.Watched watched
                ? watched.peerAddress()
                : hostAddress(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    /** The text of a socket address's IP address, as {@link #remoteAddress()} gives it. */
    static String hostAddress(SocketAddress address) {
        return inet(address).getAddress().getHostAddress();
    }

    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet : new InetSocketAddress(0);
    }
}
