package dev.portico.examples.blog;

import dev.portico.annotation.Operation;
import dev.portico.annotation.Post;
import dev.portico.annotation.Status;
import dev.portico.http.FileUpload;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * File uploads as a {@code multipart/form-data} body: the file arrives as a {@link FileUpload} (spooled to disk
 * past a threshold, removed after the request), beside ordinary form fields. The answer tells what arrived.
 */
public final class Uploads {

    /** The form: one file and an optional note. */
    public record UploadForm(FileUpload file, Optional<@Size(max = 200) String> note) {}

    /** What the server received: the file's name, type, size and SHA-256 digest. */
    public record UploadReceipt(String name, String contentType, long size, String sha256, Optional<String> note) {}

    @Post("/api/uploads/")
    @Status(201)
    @Operation(summary = "Upload a file", description = "Reads the file as it streams and answers its SHA-256.")
    public UploadReceipt upload(UploadForm form) throws IOException {
        return receipt(form.file(), form.note());
    }

    /** What arrived: shared with the API method {@code home/upload}. */
    static UploadReceipt receipt(FileUpload file, Optional<String> note) throws IOException {
        return new UploadReceipt(file.name(), file.contentType(), file.size(), sha256(file), note);
    }

    private static String sha256(FileUpload file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = file.stream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
