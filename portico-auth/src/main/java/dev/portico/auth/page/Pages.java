package dev.portico.auth.page;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.Secrets;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The chrome every server-rendered page of Portico shares (the browsable API, the admin): the Mustache templates
 * compiled once from the class path ({@code layout.mustache}, a page extends it with
 * {@code {{< /dev/portico/auth/page/layout}}}), the one stylesheet ({@code portico.css}, no CDN), and the headers of
 * every page: a Content-Security-Policy with no inline script or style and nothing from another origin,
 * {@code X-Frame-Options: DENY}, {@code no-store}. Mustache escapes every {@code {{value}}}; a page writes raw HTML
 * ({@code {{{...}}}}) only where Java built it from escaped parts.
 */
public final class Pages {
    /**
     * Scripts, styles and fetches from this server only, never inline; forms post to this server only; no frames,
     * no base URL, nothing else loaded.
     */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** Templates by class path name; a name from the root ({@code /dev/...}) in a partial or parent is the same. */
    private static final MustacheFactory MUSTACHE = new DefaultMustacheFactory(name -> {
        String path = name.startsWith("/") ? name.substring(1) : name;
        InputStream in = Pages.class.getClassLoader().getResourceAsStream(path);
        return in == null ? null : new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
    });

    private Pages() {}

    /** The template at a class path name ({@code dev/portico/auth/browsable/api.mustache}), compiled once. */
    public static Mustache template(String classpathName) {
        return MUSTACHE.compile(classpathName);
    }

    /** The template filled with {@code scope}, values HTML-escaped. */
    public static String render(Mustache template, Object scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /** A page with the pages' headers: per user (a CSRF token, a user's data), so {@code no-store}. */
    public static Response page(int status, String html) {
        return Response.of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Vary", "Accept, Cookie");
    }

    /**
     * {@code GET path}: a file of this package ({@code portico.css}) or of {@code owner}'s, read once, served with a
     * strong ETag and {@code no-cache} (a browser revalidates, so an upgrade is seen at once), public and hidden from
     * the OpenAPI document.
     */
    public static Endpoint asset(String path, Class<?> owner, String name, String contentType) {
        byte[] bytes = read(owner, name);
        String etag = "\""
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(Secrets.sha256(bytes))
                        .substring(0, 22) + "\"";
        return Endpoint.builder(HttpMethod.GET, path)
                .output(Response.class)
                .produces(contentType.split(";")[0])
                .handle((Request request) -> serve(request, bytes, contentType, etag))
                .authenticators(new Authenticator[0])
                .permissions(Permission.allowAny())
                .hidden(true)
                .source("Pages")
                .build();
    }

    private static Response serve(Request request, byte[] bytes, String contentType, String etag) {
        boolean fresh = request.headers("If-None-Match").stream().anyMatch(v -> v.contains(etag));
        Response response = fresh ? Response.of(304) : Response.of(200, contentType, bytes);
        return response.header("ETag", etag).header("Cache-Control", "no-cache");
    }

    private static byte[] read(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing classpath resource " + owner.getPackageName().replace('.', '/') + "/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
