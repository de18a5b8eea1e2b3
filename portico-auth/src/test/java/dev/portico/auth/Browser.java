package dev.portico.auth;

import dev.portico.Portico;
import dev.portico.auth.session.Csrf;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An in-process client that keeps cookies as a browser would (set, replaced, deleted by Max-Age=0) and sends a
 * Host header of an allowed host; what it last received is kept for assertions.
 */
public final class Browser {
    private final Portico app;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String host = "localhost";
    private List<SetCookie> lastCookies = List.of();

    public Browser(Portico app) {
        this.app = app;
    }

    public Browser host(String host) {
        this.host = host;
        return this;
    }

    public Response send(TestRequest request) {
        request.header("Host", host);
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        Response response = app.handle(request);
        lastCookies = SetCookie.all(response);
        for (SetCookie cookie : lastCookies) {
            if (cookie.clears()) {
                cookies.remove(cookie.name());
            } else {
                cookies.put(cookie.name(), cookie.value());
            }
        }
        return response;
    }

    /** A JSON request with the CSRF cookie's token in the header, as a page's script sends it. */
    public Response json(String method, String path, String json) {
        return send(TestRequest.of(method, path).json(json).header(Csrf.HEADER, cookie("csrftoken")));
    }

    public String cookie(String name) {
        return cookies.getOrDefault(name, "");
    }

    public boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    public void cookie(String name, String value) {
        cookies.put(name, value);
    }

    public void forget(String name) {
        cookies.remove(name);
    }

    public List<SetCookie> lastCookies() {
        return lastCookies;
    }
}
