package dev.portico.docs.endpoints;

import dev.portico.annotation.Cookie;
import dev.portico.annotation.Get;
import dev.portico.annotation.Header;
import dev.portico.annotation.Post;
import dev.portico.annotation.Status;
import dev.portico.http.FileUpload;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The header, cookie and upload samples of docs/endpoints.md. */
public final class Requests {

    // region header-cookie
    public record Preferences(String tenant, String theme) {}

    @Get("/api/preferences/")
    public Preferences preferences(@Header("X-Tenant") String tenant, @Cookie(defaultValue = "light") String theme) {
        return new Preferences(tenant, theme);
    }
    // endregion header-cookie

    // region upload
    public record UploadForm(FileUpload file, Optional<@Size(max = 200) String> note) {}

    public record Receipt(String name, String contentType, long size, Optional<String> note) {}

    @Post("/api/uploads/")
    @Status(201)
    public Receipt upload(UploadForm form) throws IOException {
        long size = 0;
        try (InputStream in = form.file().stream()) { // spooled to disk past 64 KiB, removed after the request
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new Receipt(form.file().name(), form.file().contentType(), size, form.note());
    }
    // endregion upload
}
