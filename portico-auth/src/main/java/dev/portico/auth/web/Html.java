package dev.portico.auth.web;

import dev.portico.http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Escaping and the headers of every page. Every value that does not come from this package's own constant text
 * goes through {@link #text} (key names, usernames, error sentences), so a key named {@code <script>} is shown,
 * never run; the policy refusing inline scripts is the second line of defence.
 */
final class Html {
    /**
     * The pages' policy: scripts and styles from this server only, never inline; forms may post to this server
     * only; no frames (clickjacking), no base URL, nothing else loaded.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Html() {}

    /** Escapes text for an element's content or a quoted attribute value (core's one escape). */
    static String text(String text) {
        return dev.portico.http.Html.escape(text);
    }

    /** An instant as a {@code <time>} element, to the minute in UTC. */
    static String time(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + SHOWN.format(instant) + "</time>";
    }

    /**
     * A page. Every page is per user (a list of keys, a form with a CSRF token, or a secret), so none may be
     * stored by a browser or a proxy: {@code no-store}.
     */
    static Response page(int status, String html) {
        return Response.of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }

    /** 303 See Other to {@code location}: after a POST, the browser GETs the page, and a reload posts nothing. */
    static Response seeOther(String location) {
        return Response.of(303).header("Location", location).header("Cache-Control", "no-store");
    }
}
