package dev.portico.auth.web;

import dev.portico.auth.accounts.Secrets;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * One of the pages' own files (their script and stylesheet), read once at startup and served with a strong ETag
 * and {@code no-cache}, so a browser revalidates with a 304 and an upgrade is seen at once. Served from the
 * application itself, as the policy allows no other origin.
 */
final class Asset {
    private final byte[] bytes;
    private final String contentType;
    private final String etag;

    private Asset(byte[] bytes, String contentType) {
        this.bytes = bytes;
        this.contentType = contentType;
        this.etag = "\"" + digest(bytes) + "\"";
    }

    /** The classpath resource {@code name} next to this class. */
    static Asset resource(String name, String contentType) {
        try (InputStream in = Asset.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource dev/portico/auth/web/" + name);
            }
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response serve(Request request) {
        boolean fresh = request.headers("If-None-Match").stream().anyMatch(v -> v.contains(etag));
        Response response = fresh ? Response.of(304) : Response.of(200, contentType, bytes);
        return response.header("ETag", etag)
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff");
    }

    private static String digest(byte[] bytes) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Secrets.sha256(bytes))
                .substring(0, 22);
    }
}
