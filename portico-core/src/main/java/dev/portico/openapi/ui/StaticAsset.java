package dev.portico.openapi.ui;

import dev.portico.http.Request;
import dev.portico.http.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * One file of the docs pages, served with its media type, a strong ETag and {@code no-cache}: the URLs
 * stay the same when Portico upgrades a WebJar, so a browser must revalidate, which costs a 304. The
 * bytes are read on the first request and kept, so an application that never opens its docs never loads
 * the megabytes of JavaScript; text files are also kept gzipped for clients that accept it.
 */
final class StaticAsset {
    private static final int GZIP_THRESHOLD = 1024;

    private final String mediaType;
    private final String contentType;
    private final Supplier<byte[]> source;
    private final List<String> headers; // name, value, name, value
    private volatile Representations loaded;

    private record Representation(byte[] bytes, String etag) {}

    private record Representations(Representation identity, Representation gzip) {}

    private StaticAsset(String mediaType, Supplier<byte[]> source, List<String> headers) {
        this.mediaType = mediaType;
        this.contentType = mediaType.startsWith("text/") ? mediaType + "; charset=utf-8" : mediaType;
        this.source = source;
        this.headers = headers;
    }

    /** A classpath resource, read on first use; its media type comes from its file extension. */
    static StaticAsset resource(String resource) {
        if (WebJar.loader().getResource(resource) == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return new StaticAsset(mediaType(resource), () -> read(resource), List.of());
    }

    /** Bytes made at startup (a page), with extra headers such as the Content-Security-Policy. */
    static StaticAsset bytes(byte[] bytes, String mediaType, String... headers) {
        return new StaticAsset(mediaType, () -> bytes, List.of(headers));
    }

    /** The media type without parameters, as an endpoint declares what it produces. */
    String mediaType() {
        return mediaType;
    }

    /** 200 with the bytes, or 304 when the client's {@code If-None-Match} names the current ETag. */
    Response serve(Request request) {
        Representations all = load();
        boolean gzip = all.gzip() != null && acceptsGzip(request.headers("Accept-Encoding"));
        Representation chosen = gzip ? all.gzip() : all.identity();
        boolean fresh = matches(request.headers("If-None-Match"), chosen.etag());
        Response response = fresh ? Response.of(304) : Response.of(200, contentType, chosen.bytes());
        response.header("ETag", chosen.etag())
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff");
        if (all.gzip() != null) {
            response.header("Vary", "Accept-Encoding");
        }
        if (gzip && !fresh) {
            response.header("Content-Encoding", "gzip");
        }
        for (int i = 0; i < headers.size(); i += 2) {
            response.header(headers.get(i), headers.get(i + 1));
        }
        return response;
    }

    private Representations load() {
        Representations current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = represent(source.get());
                    loaded = current;
                }
            }
        }
        return current;
    }

    private Representations represent(byte[] bytes) {
        String etag = etag(bytes);
        Representation identity = new Representation(bytes, "\"" + etag + "\"");
        boolean compressible = !mediaType.startsWith("image/") && bytes.length >= GZIP_THRESHOLD;
        return new Representations(
                identity, compressible ? new Representation(gzip(bytes), "\"" + etag + "-gz\"") : null);
    }

    static boolean acceptsGzip(List<String> acceptEncoding) {
        for (String header : acceptEncoding) {
            for (String coding : header.split(",")) {
                int semi = coding.indexOf(';');
                String name = (semi < 0 ? coding : coding.substring(0, semi)).trim();
                if (name.equalsIgnoreCase("gzip")) {
                    return semi < 0 || !zeroQuality(coding.substring(semi + 1));
                }
            }
        }
        return false;
    }

    private static boolean zeroQuality(String params) {
        for (String param : params.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(p.substring(2).trim()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            for (String tag : header.split(",")) {
                String t = tag.trim();
                // If-None-Match compares weakly (RFC 9110, 13.1.2): W/"x" matches "x"
                if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] read(String resource) {
        try (InputStream in = WebJar.loader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static String mediaType(String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return switch (extension) {
            case "js" -> "text/javascript";
            case "css" -> "text/css";
            case "html" -> "text/html";
            case "png" -> "image/png";
            case "svg" -> "image/svg+xml";
            default -> throw new IllegalArgumentException("no media type known for " + file);
        };
    }
}
