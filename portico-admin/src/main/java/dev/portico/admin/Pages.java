package dev.portico.admin;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.portico.http.Response;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The templates (Mustache, compiled once at startup; {@code {{value}}} escapes HTML, and the templates never use the
 * unescaped {@code {{{value}}}}) and the headers of every page: no script at all, styles from this server only,
 * forms posting here only, never framed, never stored.
 */
final class Pages {
    /** The admin's policy: no script, no inline style, nothing from another origin, not framable. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private static final String[] NAMES = {
        "login", "index", "list", "form", "delete", "history", "error", "users", "user", "roles"
    };
    private final Map<String, Mustache> templates = new HashMap<>();

    Pages() {
        DefaultMustacheFactory factory = new DefaultMustacheFactory("dev/portico/admin/templates");
        for (String name : NAMES) {
            templates.put(name, factory.compile(name + ".mustache"));
        }
    }

    /** The page {@code template} filled from {@code scope}, with the admin's headers. */
    Response render(int status, String template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        templates.get(template).execute(out, scope);
        return headers(
                Response.of(status, "text/html; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static Response headers(Response response) {
        return response.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }

    /** 303 to {@code location}, after a POST, so a reload posts nothing. */
    static Response seeOther(String location) {
        return headers(Response.of(303).header("Location", location));
    }
}
