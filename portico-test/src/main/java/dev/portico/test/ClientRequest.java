package dev.portico.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request being described: {@code client.get("/api/posts/").query("page", 2).send()}. Headers given here come
 * after the client's defaults; {@link #send()} adds the cookies held, the CSRF token on unsafe methods and the
 * credentials, then returns the whole answer.
 */
public final class ClientRequest {
    private final PorticoClient client;
    private final String method;
    private final String rawPath;
    private final StringBuilder query;
    private final List<String[]> headers = new ArrayList<>();
    private final List<String> cookies = new ArrayList<>();
    private byte[] body;
    private String authorization;
    private boolean csrfToken = true;

    ClientRequest(PorticoClient client, String method, String target) {
        this.client = client;
        this.method = method;
        int q = target.indexOf('?');
        this.rawPath = q < 0 ? target : target.substring(0, q);
        this.query = new StringBuilder(q < 0 ? "" : target.substring(q + 1));
    }

    /** Adds {@code name=value} to the query string, percent-encoded; a repeated name is sent repeated. */
    public ClientRequest query(String name, Object value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(encode(String.valueOf(value)));
        return this;
    }

    /** Adds a header (a name may be given twice). */
    public ClientRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Sends a cookie with this request only, beside the jar's. */
    public ClientRequest cookie(String name, String value) {
        cookies.add(name + "=" + value);
        return this;
    }

    /** Signs this request in as {@code user}, through the client's {@link Impersonation}. */
    public ClientRequest as(Object user) {
        this.authorization = client.impersonate(user);
        return this;
    }

    /** {@code Authorization: Bearer <token>} on this request. */
    public ClientRequest withJwt(String token) {
        this.authorization = "Bearer " + token;
        return this;
    }

    /** {@code Authorization: Api-Key <keyid:secret>} on this request. */
    public ClientRequest withApiKey(String key) {
        this.authorization = "Api-Key " + key;
        return this;
    }

    /** No credentials on this request, whatever the client's defaults (cookies still go). */
    public ClientRequest anonymous() {
        this.authorization = "";
        return this;
    }

    /**
     * No CSRF token header on this request, though the client holds the cookie: what a forged cross-site form sends,
     * for a test that the application refuses it (DRF's {@code enforce_csrf_checks}, the other way round).
     */
    public ClientRequest withoutCsrfToken() {
        this.csrfToken = false;
        return this;
    }

    /** A JSON body: a string is sent as it is, anything else is written with the application's mapper. */
    public ClientRequest json(Object value) {
        if (value instanceof String text) {
            return body("application/json", text.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return body("application/json", client.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * An {@code application/x-www-form-urlencoded} body, fields in the map's order; an {@link Iterable} value sends
     * its name once per element (checkboxes, seed 002's repeated single values).
     */
    public ClientRequest form(Map<String, ?> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> {
            Iterable<?> values = value instanceof Iterable<?> many ? many : List.of(String.valueOf(value));
            for (Object one : values) {
                if (!text.isEmpty()) {
                    text.append('&');
                }
                text.append(encode(name)).append('=').append(encode(String.valueOf(one)));
            }
        });
        return body("application/x-www-form-urlencoded", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code multipart/form-data} body. */
    public ClientRequest multipart(Multipart parts) {
        return body(parts.contentType(), parts.bytes());
    }

    /** A body of any type. */
    public ClientRequest body(String contentType, byte[] bytes) {
        headers.removeIf(h -> h[0].equalsIgnoreCase("Content-Type"));
        headers.add(new String[] {"Content-Type", contentType});
        this.body = bytes.clone();
        return this;
    }

    /** Sends the request and reads the whole answer; cookies it sets are kept by the client. */
    public TestResponse send() {
        return client.send(this);
    }

    String method() {
        return method;
    }

    String rawPath() {
        return rawPath;
    }

    String rawQuery() {
        return query.toString();
    }

    List<String[]> headers() {
        return headers;
    }

    List<String> cookies() {
        return cookies;
    }

    byte[] bodyBytes() {
        return body;
    }

    boolean sendsCsrfToken() {
        return csrfToken;
    }

    /** Null: the client's credentials; empty: none; else the {@code Authorization} value. */
    String authorization() {
        return authorization;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
