package dev.portico.http;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * One incoming request as endpoints, policies and middlewares see it: read-only but for attributes and response
 * headers. The pipeline's own view, which sets the caller and the bound inputs, is
 * {@code dev.portico.pipeline.Exchange}; no user type sees its setters.
 *
 * <p>Path parameters arrive already converted to the type their template declares ({@code {id:long}}
 * gives a {@code Long}); query, header and body access is raw here, and typed through the endpoint's
 * declared inputs. The body can be read once, and reading it is bounded by the configured body limit.
 */
public interface Request {

    /** The request method; extension methods never get this far (they are answered with 405). */
    HttpMethod method();

    /** The decoded path, without the query string. */
    String path();

    /** The raw query string without {@code ?}, empty when there is none. */
    String rawQuery();

    /** The first value of the query parameter, decoded. */
    Optional<String> query(String name);

    /** Every value of the query parameter in order, decoded; empty when absent. */
    List<String> queryAll(String name);

    /** The names of the query parameters present, in order of first appearance. */
    List<String> queryNames();

    /** The first value of a request header (case-insensitive name). */
    Optional<String> header(String name);

    /** Every value of a request header (case-insensitive name). */
    List<String> headers(String name);

    /**
     * The value of a cookie sent in the {@code Cookie} header(s), by its exact name; the first one when the
     * name is sent twice.
     */
    default Optional<String> cookie(String name) {
        for (String header : headers("Cookie")) {
            Optional<String> value = Cookies.find(header, name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * The value of a path parameter as {@code type}, converted as its template declares ({@code {id:long}} gives a
     * {@code Long}); fails when the template declares another type. {@code Object.class} takes any.
     */
    <T> T pathParam(String name, Class<T> type);

    /** A path parameter as text, whatever its declared type: {@code request.pathParam("name")}. */
    default String pathParam(String name) {
        return String.valueOf(pathParam(name, Object.class));
    }

    /** The request body, bounded by the body-size limit; an {@link dev.portico.error.PayloadTooLarge} past it. */
    InputStream body();

    /**
     * The whole body, bounded by the body-size limit, read once and kept. A body that could not be read (cut short,
     * too large) throws the same 4xx again on every later call.
     */
    byte[] bodyBytes();

    /**
     * Registers a resource to close when the request ends, whatever happens (after the response is made, also
     * when the endpoint throws): the temporary files of uploads, for one.
     */
    void closeAtEnd(AutoCloseable resource);

    /**
     * The body's form fields when it is urlencoded or multipart, parsed once (within the form limits) and kept, so
     * that a stage reading one field, such as an authenticator's {@code authorisation}, leaves the body to the
     * endpoint's input; empty for any other body. Reading it is bounded as {@link #body()} is.
     */
    default Optional<dev.portico.http.FormData> form() {
        return Optional.empty();
    }

    /** The Content-Type header's value, if any. */
    default Optional<String> contentType() {
        return header("Content-Type");
    }

    /** The address of the peer that opened the connection (a proxy, when there is one). */
    InetSocketAddress remoteAddress();

    /** {@link #remoteAddress()}'s IP address in canonical text ({@code 203.0.113.7}, {@code 2001:db8::1}). */
    default String peerAddress() {
        return remoteAddress().getAddress().getHostAddress();
    }

    /**
     * The client's IP address in canonical text, as throttles key on it: the peer's, or behind
     * {@code server.trusted-proxies} proxies the one they saw (see {@link ClientAddress}).
     */
    default String clientAddress() {
        return peerAddress();
    }

    /** The request id: the incoming {@code X-Request-Id} when valid, otherwise generated. */
    String requestId();

    /**
     * The endpoint this request was routed to, described for logs and messages: its method, path template and
     * source ({@code GET /api/items/{id:long}/ (Items.get)}).
     */
    String route();

    /** The authenticated caller, set by the authentication stage; empty for anonymous callers. */
    Optional<Principal> principal();

    /** A value a stage left for later stages or the endpoint. */
    <T> Optional<T> attribute(Attribute<T> key);

    /** Leaves a value for later stages or the endpoint. */
    <T> void attribute(Attribute<T> key, T value);

    /**
     * Adds a header to the response of this request's endpoint, for handlers that return a typed value
     * ({@code request.responseHeader("ETag", "\"3\"")}). The endpoint stage puts it on the response it makes, so
     * it is inside the cached response too, unlike a header a middleware adds on the way out.
     */
    void responseHeader(String name, String value);

    /** The headers given to {@link #responseHeader}, name and value alternating; empty when none. */
    List<String> responseHeaders();

    /** The bound and validated inputs of the endpoint, in the order the endpoint declares them. */
    Object[] arguments();

    /**
     * A bound input by name, as the endpoint declares it ({@code "body"} for the body); for functional
     * handlers that declared typed query parameters or headers.
     */
    Object input(String name);

    /** A typed key for request attributes; compare by identity, so declare them as constants. */
    final class Attribute<T> {
        private final String name;

        private Attribute(String name) {
            this.name = name;
        }

        /** A new key; {@code name} is for debugging only. */
        public static <T> Attribute<T> create(String name) {
            return new Attribute<>(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
