package dev.portico.pipeline;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * What the server hands the pipeline for one request: the raw request line, headers, body and peer.
 * The HTTP server adapter implements it over its own request type; the in-process test client implements
 * it over plain values, so the whole pipeline runs the same without a socket.
 */
public interface Transport {

    /** The method as sent, such as {@code GET} or an extension method. */
    String method();

    /** The path as sent, still percent-encoded, without the query. */
    String rawPath();

    /** The query as sent, without {@code ?}; empty when there is none. */
    String rawQuery();

    /** The first value of a header (case-insensitive name). */
    Optional<String> header(String name);

    /** Every value of a header (case-insensitive name). */
    List<String> headers(String name);

    /** The body's declared length, or -1 when unknown (chunked) or absent. */
    long contentLength();

    /** The body stream; empty when there is none. */
    InputStream body();

    /** The peer that opened the connection. */
    InetSocketAddress remoteAddress();

    /** The peer's IP address in canonical text; a server may keep it per connection rather than make it per request. */
    default String peerAddress() {
        return remoteAddress().getAddress().getHostAddress();
    }
}
