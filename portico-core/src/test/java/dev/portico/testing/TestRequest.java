package dev.portico.testing;

import dev.portico.pipeline.Transport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An in-process request for tests: the whole pipeline runs without a socket. */
public final class TestRequest implements Transport {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private long contentLength = -1;
    private String peer = "127.0.0.1";

    private String probedHeader;
    private Runnable onProbe;

    private TestRequest(String method, String target) {
        this.method = method;
        int q = target.indexOf('?');
        this.rawPath = q < 0 ? target : target.substring(0, q);
        this.rawQuery = q < 0 ? "" : target.substring(q + 1);
    }

    public static TestRequest of(String method, String target) {
        return new TestRequest(method, target);
    }

    public static TestRequest get(String target) {
        return of("GET", target);
    }

    public TestRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** The socket's peer address (a client, or the nearest proxy); 127.0.0.1 unless set. */
    public TestRequest from(String address) {
        this.peer = address;
        return this;
    }

    public TestRequest json(String json) {
        header("Content-Type", "application/json");
        return body(json.getBytes(StandardCharsets.UTF_8));
    }

    public TestRequest body(byte[] bytes) {
        this.body = bytes;
        this.contentLength = bytes.length;
        return this;
    }

    /** Runs {@code onRead} each time header {@code name} is read, to observe when a stage runs. */
    public TestRequest probe(String name, Runnable onRead) {
        this.probedHeader = name;
        this.onProbe = onRead;
        return this;
    }

    private void probed(String name) {
        if (probedHeader != null && probedHeader.equalsIgnoreCase(name)) {
            onProbe.run();
        }
    }

    /** Sends the body without a declared length, as a chunked request would. */
    public TestRequest chunked() {
        this.contentLength = -1;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public Optional<String> header(String name) {
        probed(name);
        return headers.stream()
                .filter(h -> h[0].equalsIgnoreCase(name))
                .map(h -> h[1])
                .findFirst();
    }

    @Override
    public List<String> headers(String name) {
        probed(name);
        return headers.stream()
                .filter(h -> h[0].equalsIgnoreCase(name))
                .map(h -> h[1])
                .toList();
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress(peer, 50000);
    }
}
