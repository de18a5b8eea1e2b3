package dev.portico.admin;

import dev.portico.http.Response;
import dev.portico.testing.Bodies;
import dev.portico.testing.TestRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An in-process browser for the admin's pages: it keeps cookies (set, replaced, cleared by {@code Max-Age=0}), sends
 * forms as a browser does, and reads the CSRF token out of the last page.
 */
final class WebClient {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private final AdminTestApp t;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    String lastToken = "";

    WebClient(AdminTestApp t) {
        this.t = t;
    }

    Response get(String path) {
        return send(TestRequest.get(path).header("Accept", "text/html"));
    }

    /** A form POST with the fields in order, names and values alternating. */
    Response post(String path, String... fields) {
        return send(form(path, fields));
    }

    TestRequest form(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(enc(fields[i]))
                    .append('=')
                    .append(enc(fields[i + 1]));
        }
        return TestRequest.of("POST", path)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    Response send(TestRequest request) {
        request.header("Host", "localhost");
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        Response response = t.app.handle(request);
        for (int i = 0; i < response.headerCount(); i++) {
            if (response.headerName(i).equalsIgnoreCase("Set-Cookie")) {
                String header = response.headerValue(i);
                String pair = header.split(";")[0];
                String name = pair.substring(0, pair.indexOf('=')).strip();
                if (header.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, pair.substring(pair.indexOf('=') + 1).strip());
                }
            }
        }
        Matcher m = TOKEN.matcher(response.body() == null ? "" : Bodies.text(response));
        if (m.find()) {
            lastToken = m.group(1);
        }
        return response;
    }

    /** Signs in on the admin's own page; answers the POST's response. */
    Response adminLogin(String username) {
        get("/admin/login/");
        return post("/admin/login/", "csrf_token", lastToken, "username", username, "password", AdminTestApp.PASSWORD);
    }

    /** A session for any user, staff or not, as the API's login gives one. */
    WebClient apiLogin(String username) {
        get("/admin/login/");
        Response r = send(form("/test-login/", "username", username, "password", AdminTestApp.PASSWORD));
        if (r.status() != 204) {
            throw new AssertionError("test login: " + r.status() + " " + Bodies.text(r));
        }
        get("/admin/login/"); // the login rotated the CSRF secret: take the new token
        return this;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
