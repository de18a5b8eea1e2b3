package dev.portico.client;

import dev.portico.http.FileUpload;
import dev.portico.http.FormData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** A {@code multipart/form-data} body (RFC 7578): every field a part, every file a part with its name and type. */
record Multipart(String boundary, byte[] body) {

    static Multipart of(String url, FormData form, Optional<String> authorisation) {
        String boundary = "portico-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        form.fields().forEach((name, values) -> values.forEach(value -> field(out, boundary, name, value)));
        authorisation.ifPresent(value -> field(out, boundary, "authorisation", value));
        form.files().forEach((name, files) -> files.forEach(file -> file(out, boundary, url, name, file)));
        write(out, "--" + boundary + "--\r\n");
        return new Multipart(boundary, out.toByteArray());
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n\r\n");
        write(out, value);
        write(out, "\r\n");
    }

    private static void file(ByteArrayOutputStream out, String boundary, String url, String name, FileUpload file) {
        byte[] content;
        try {
            content = file.bytes();
        } catch (IOException e) {
            throw new ApiClientException(
                    Transport.safe(url),
                    "the file \"" + file.name() + "\" of " + name + " cannot be read: " + e.getMessage(),
                    e);
        }
        write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\""
                        + quoted(file.name()) + "\"\r\nContent-Type: "
                        + ClientFile.contentType(
                                file.name(),
                                java.util.Objects.requireNonNullElse(file.contentType(), "application/octet-stream"))
                        + "\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n");
    }

    /** RFC 7578 section 4.2: a quote or line break in a name is percent-encoded. */
    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
