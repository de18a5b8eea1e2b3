package dev.portico.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body, byte for byte as a browser sends it:
 * {@code client.post("/api/uploads/").multipart(Multipart.create().field("title", "x").file("file", "a.txt",
 * "text/plain", bytes))}.
 */
public final class Multipart {
    private final String boundary =
            "----portico-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Multipart() {}

    /** An empty body. */
    public static Multipart create() {
        return new Multipart();
    }

    /** A text field. */
    public Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n");
        return this;
    }

    /** A file part. */
    public Multipart file(String name, String fileName, String contentType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    /** The {@code Content-Type} header, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body, closed by the final boundary. */
    public byte[] bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return copy.toByteArray();
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
