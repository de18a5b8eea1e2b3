package dev.portico.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a {@code multipart/form-data} body for tests, byte for byte as a browser sends it. */
public final class Multipart {
    public static final String BOUNDARY = "----portico-test-boundary";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static Multipart create() {
        return new Multipart();
    }

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    public Multipart field(String name, String value) {
        write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n");
        return this;
    }

    public Multipart file(String name, String fileName, String type, byte[] content) {
        write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return copy.toByteArray();
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
