package dev.portico.auth.session;

import dev.portico.http.Middleware;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cookies a request's stages and endpoint decided to set or clear, written onto whatever response goes out,
 * error responses included: the work of Django's session and CSRF middlewares on the way out. The authenticator,
 * {@link Sessions#login} and {@link Csrf#token} only record here; {@link #middleware()} writes.
 */
final class ResponseCookies {
    static final Request.Attribute<ResponseCookies> KEY = Request.Attribute.create("response cookies");
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Map<String, String> cookies = new LinkedHashMap<>(4); // by name: the last decision wins
    private boolean varyCookie;

    private ResponseCookies() {}

    /** The global middleware that writes them; installed twice, the inner one does the work. */
    static Middleware middleware() {
        return next -> request -> {
            if (request.attribute(KEY).isPresent()) {
                return next.handle(request);
            }
            ResponseCookies jar = new ResponseCookies();
            request.attribute(KEY, jar);
            Response response = next.handle(request);
            jar.writeTo(response);
            return response;
        };
    }

    /** The request's cookies to write, when the middleware runs. */
    static Optional<ResponseCookies> of(Request request) {
        return request.attribute(KEY);
    }

    /** The same, for work that is pointless without it (a login that could not set its cookie). */
    static ResponseCookies required(Request request) {
        return of(request)
                .orElseThrow(() -> new IllegalStateException(
                        "the session cookies cannot be written: install the session middleware with"
                                + " sessions.install(builder) (AccountEndpoints.addTo does it)"));
    }

    void set(String name, String setCookie) {
        cookies.put(name, setCookie);
    }

    /** The response depends on the Cookie header (a session was looked at), so shared caches must key on it. */
    void varyOnCookie() {
        varyCookie = true;
    }

    private void writeTo(Response response) {
        cookies.values().forEach(value -> response.header("Set-Cookie", value));
        if (varyCookie
                && response.headerValue("Vary")
                        .filter(v -> v.toLowerCase(java.util.Locale.ROOT).contains("cookie"))
                        .isEmpty()) {
            response.header("Vary", "Cookie");
        }
    }

    /**
     * One cookie's attributes: always {@code Path=/} and {@code SameSite=Lax}; {@code HttpOnly} for the session,
     * not for the CSRF token (pages read it); {@code Secure} when configured.
     */
    record Spec(String name, boolean httpOnly, boolean secure) {
        String set(String value, Duration maxAge, Instant now) {
            return name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; Expires="
                    + EXPIRES.format(now.plus(maxAge)) + attributes();
        }

        String clear() {
            return name + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + attributes();
        }

        private String attributes() {
            return (httpOnly ? "; HttpOnly" : "") + (secure ? "; Secure" : "") + "; SameSite=Lax";
        }
    }
}
