package dev.portico.server;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.http.FileUpload;
import dev.portico.http.Response;
import dev.portico.testing.Multipart;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A multipart upload over a real socket: Helidon's body stream under Commons FileUpload, with and without a length. */
class MultipartOverSocketTest {
    record Photo(String title, FileUpload upload) {}

    record Stored(String title, String name, long size, String content) {}

    private static Portico app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.SERVER_PORT, 0)
                .set(Settings.LIMITS_MULTIPART_PART_SIZE, 100_000L)
                .set(Settings.LIMITS_MULTIPART_MEMORY_THRESHOLD, 1024L)
                .build();
        app = Portico.builder()
                .config(config)
                .shutdownHook(false)
                .post(
                        "/api/photos/",
                        Photo.class,
                        Stored.class,
                        (request, photo) -> new Stored(
                                photo.title(),
                                photo.upload().name(),
                                photo.upload().size(),
                                new String(photo.upload().bytes(), StandardCharsets.UTF_8)),
                        e -> {})
                .post(
                        "/api/echo/",
                        Photo.class,
                        Response.class,
                        (request, photo) -> Response.stream(
                                200,
                                "text/plain",
                                out -> { // runs after the pipeline returned: the spooled file must still be there
                                    try (java.io.InputStream in = photo.upload().stream()) {
                                        in.transferTo(out);
                                    }
                                }),
                        e -> {})
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> post(byte[] body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/photos/"))
                .header("Content-Type", Multipart.contentType())
                .POST(publisher)
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] photo(String content) {
        return Multipart.create()
                .field("title", "Cat")
                .file("upload", "../cat.txt", "text/plain", content.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void aSpooledUploadArrivesWholeWithOrWithoutALength() throws Exception {
        String content = "0123456789".repeat(5000);
        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> response = post(photo(content), chunked);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response.body()).get("name").asText()).isEqualTo("cat.txt");
            assertThat(json(response.body()).get("size").asLong()).isEqualTo(content.length());
            assertThat(json(response.body()).get("content").asText()).isEqualTo(content);
        }
    }

    @Test
    void aStreamedResponseCanStillReadASpooledUploadAndTheFileGoesAfterwards() throws Exception {
        String content = "abcdefghij".repeat(5000); // past the 1 KiB threshold: spooled to a temporary file
        long before = spooledFiles();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/echo/"))
                .header("Content-Type", Multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo(content)))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);
        for (int i = 0; i < 100 && spooledFiles() > before; i++) {
            Thread.sleep(10); // the server deletes it once the response is written, just after the client has it
        }
        assertThat(spooledFiles()).isEqualTo(before);
    }

    private static long spooledFiles() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("portico-upload-"))
                    .count();
        }
    }

    @Test
    void aPartPastTheLimitIs413OverTheWire() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> response = post(photo("x".repeat(200_000)), chunked);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response.body()).get("code").asText()).isEqualTo("payload_too_large");
        }
    }
}
