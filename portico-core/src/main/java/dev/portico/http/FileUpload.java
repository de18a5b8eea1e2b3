package dev.portico.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file uploaded in a {@code multipart/form-data} body: bind a parameter or record component of this type
 * and Portico fills it from the part of the same (dotted) name. Small files are held in memory; larger ones
 * are spooled to a temporary file that is removed when the request ends, so read it within the request.
 */
public interface FileUpload {

    /** The file name the client sent (only the last path segment; never trust it as a path). */
    String name();

    /** The part's {@code Content-Type}, {@code application/octet-stream} when the client sent none. */
    String contentType();

    /** The size in bytes. */
    long size();

    /** A new stream over the content; each call starts at the beginning. */
    InputStream stream() throws IOException;

    /** The whole content; for small files. */
    default byte[] bytes() throws IOException {
        try (InputStream in = stream()) {
            return in.readAllBytes();
        }
    }
}
