package dev.portico.examples.blog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client of the running example over a real socket that keeps its cookies as a browser does (set, replaced,
 * cleared by {@code Max-Age=0}), so a test can log in with a session and send the CSRF token back.
 */
final class BlogClient {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final int port;
    private final Map<String, String> cookies;

    BlogClient(int port) {
        this(port, new LinkedHashMap<>());
    }

    private BlogClient(int port, Map<String, String> cookies) {
        this.port = port;
        this.cookies = cookies;
    }

    /** The same browser (the same cookies, shared from now on) talking to another instance on {@code otherPort}. */
    BlogClient on(int otherPort) {
        return new BlogClient(otherPort, cookies);
    }

    /** A request to {@code path}, with the cookies held. */
    HttpRequest.Builder at(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(at(path));
    }

    /** A JSON request, with these extra headers as name, value pairs. */
    HttpResponse<String> json(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = at(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** An urlencoded form POST. */
    HttpResponse<String> form(String path, String body) throws Exception {
        return send(at(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A token for {@code X-CSRFToken}, from {@code GET /auth/csrf/} (which also sets the cookie). */
    String csrfToken() throws Exception {
        HttpResponse<String> response = get("/auth/csrf/");
        return response.body().replaceAll(".*\"csrf_token\":\"([^\"]+)\".*", "$1");
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }
}
