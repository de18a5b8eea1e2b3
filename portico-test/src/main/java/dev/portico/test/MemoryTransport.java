package dev.portico.test;

import dev.portico.pipeline.Transport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * A request held in memory, seen as the {@link Transport} the pipeline reads: what Jetty's adapter gives for a
 * request off a socket, from plain values. The peer is 127.0.0.1, as a loopback client's is, unless the client was
 * given another address.
 */
final class MemoryTransport implements Transport {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 50000);

    private final Outgoing request;

    MemoryTransport(Outgoing request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String rawPath() {
        return request.rawPath();
    }

    @Override
    public String rawQuery() {
        return request.rawQuery();
    }

    @Override
    public Optional<String> header(String name) {
        return request.header(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.headers(name);
    }

    /** As Jetty answers: the length sent, or -1 when there is no body. */
    @Override
    public long contentLength() {
        return request.body() == null ? -1 : request.body().length;
    }

    @Override
    public InputStream body() {
        return request.body() == null ? InputStream.nullInputStream() : new ByteArrayInputStream(request.body());
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return request.remote() == null ? LOOPBACK : new InetSocketAddress(request.remote(), LOOPBACK.getPort());
    }
}
