package dev.portico.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is sent back: a status, headers and a body that is either bytes or a writer for streaming.
 *
 * <p>Endpoints usually return plain values and let the pipeline turn them into a {@code Response}; they
 * return one themselves when they need a status, headers or a media type of their own:
 * {@code return Response.of(202).header("Location", url);}. Headers may be added by later stages
 * (middlewares add theirs on the way out), so the header list is mutable until the response is written.
 */
public final class Response {
    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final BodyWriter writer;
    private List<String> headers; // name, value, name, value: allocated only when a header is added
    private Runnable completion;

    private Response(int status, String contentType, byte[] body, BodyWriter writer) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.writer = writer;
    }

    /** A response with no body, such as 204 or a redirect. */
    public static Response of(int status) {
        return new Response(status, null, EMPTY, null);
    }

    /** A response whose body is already encoded in {@code contentType}. */
    public static Response of(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, null);
    }

    /** A UTF-8 text/plain response. */
    public static Response text(int status, String text) {
        return new Response(status, MediaType.TEXT_PLAIN_UTF8, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A response whose body is written straight to the connection, for large or generated content. */
    public static Response stream(int status, String contentType, BodyWriter writer) {
        return new Response(status, contentType, EMPTY, writer);
    }

    /** Adds a header; the same name may be added more than once. */
    public Response header(String name, String value) {
        if (headers == null) {
            headers = new ArrayList<>(12); // six headers: the usual answer's, with RateLimit-*, never grows
        }
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Replaces every header of that name (case-insensitive) with one value. */
    public Response setHeader(String name, String value) {
        removeHeader(name);
        return header(name, value);
    }

    /** Removes every header of that name (case-insensitive). */
    public Response removeHeader(String name) {
        if (headers != null) {
            for (int i = headers.size() - 2; i >= 0; i -= 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    headers.remove(i + 1);
                    headers.remove(i);
                }
            }
        }
        return this;
    }

    /** The first value of the named header (case-insensitive). */
    public Optional<String> headerValue(String name) {
        if (headers != null) {
            for (int i = 0; i < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    return Optional.of(headers.get(i + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** An independent copy, headers included, for stores that keep responses across requests. */
    public Response copy() {
        Response copy = new Response(status, contentType, body, writer);
        if (headers != null) {
            copy.headers = new ArrayList<>(headers);
        }
        return copy;
    }

    /** The number of headers added so far. */
    public int headerCount() {
        return headers == null ? 0 : headers.size() / 2;
    }

    /** The name of header {@code index}, in the order they were added. */
    public String headerName(int index) {
        return headers.get(index * 2);
    }

    /** The value of header {@code index}, in the order they were added. */
    public String headerValue(int index) {
        return headers.get(index * 2 + 1);
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The body's media type, empty when there is no body. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The encoded body; empty for streamed and bodiless responses. */
    public byte[] body() {
        return body;
    }

    /** The writer of a streamed body. */
    public Optional<BodyWriter> writer() {
        return Optional.ofNullable(writer);
    }

    /**
     * Runs {@code action} once the response has been sent (or could not be): a streamed body may still need
     * what the request held, such as an upload's temporary file, while the server writes it.
     */
    public Response onComplete(Runnable action) {
        Runnable before = completion;
        completion = before == null
                ? action
                : () -> {
                    try {
                        before.run();
                    } finally {
                        action.run();
                    }
                };
        return this;
    }

    /** Runs the completion actions, once; servers call it after writing the response, whatever happened. */
    public void complete() {
        Runnable action = completion;
        completion = null;
        if (action != null) {
            action.run();
        }
    }

    /** Writes a body straight to the connection. */
    @FunctionalInterface
    public interface BodyWriter {
        /** Writes the whole body; the stream is closed by the server afterwards. */
        void write(OutputStream out) throws IOException;
    }
}
