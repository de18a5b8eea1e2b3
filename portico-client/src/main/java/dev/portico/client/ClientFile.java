package dev.portico.client;

import dev.portico.http.FileUpload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to send as an argument of type {@link FileUpload} (seed 002's {@code api.FileUpload}): the call goes as
 * {@code multipart/form-data} with it as a part. A content type with a line break is refused (it would inject
 * headers into the part).
 * <pre>{@code
 * api.call("home.upload", Map.of("file", ClientFile.of(Path.of("report.pdf"), "application/pdf")));
 * }</pre>
 */
public final class ClientFile implements FileUpload {
    private final String name;
    private final String contentType;
    private final byte[] content;

    private ClientFile(String name, String contentType, byte[] content) {
        this.name = Objects.requireNonNull(name, "name");
        this.contentType = contentType(name, Objects.requireNonNull(contentType, "contentType"));
        this.content = content.clone();
    }

    /**
     * The type, refused when it holds a line break (CR, LF) or NUL: it is written as the part's {@code Content-Type}
     * line, so a line break would add headers, or a part, of the type-giver's choosing to the request.
     */
    static String contentType(String fileName, String contentType) {
        if (contentType.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("the content type of the file \"" + fileName.replaceAll("[\\r\\n]", " ")
                    + "\" holds a line break (CR or LF) or NUL, which would inject headers into the multipart body; "
                    + "give a bare type such as text/plain");
        }
        return contentType;
    }

    /** A file of these bytes. */
    public static ClientFile of(String name, String contentType, byte[] content) {
        return new ClientFile(name, contentType, content);
    }

    /** The file at {@code path}, read now, named by its last segment. */
    public static ClientFile of(Path path, String contentType) throws IOException {
        return new ClientFile(path.getFileName().toString(), contentType, Files.readAllBytes(path));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public InputStream stream() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public String toString() {
        return "ClientFile[" + name + ", " + contentType + ", " + content.length + " bytes]";
    }
}
