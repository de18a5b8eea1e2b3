package dev.portico.server;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.http.FileUpload;
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
    record Photo(String title, FileUpload upload) {
    }

    record Stored(String title, String name, long size, String content) {
    }

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
        app = Portico.builder().config(config).shutdownHook(false)
                .post("/api/photos/", Photo.class, Stored.class, (request, photo) -> new Stored(photo.title(),
                        photo.upload().name(), photo.upload().size(),
                        new String(photo.upload().bytes(), StandardCharsets.UTF_8)), e -> { })
                .build().start();
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
                .header("Content-Type", Multipart.contentType()).POST(publisher).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] photo(String content) {
        return Multipart.create().field("title", "Cat")
                .file("upload", "../cat.txt", "text/plain", content.getBytes(StandardCharsets.UTF_8)).build();
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
    void aPartPastTheLimitIs413OverTheWire() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> response = post(photo("x".repeat(200_000)), chunked);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response.body()).get("code").asText()).isEqualTo("payload_too_large");
        }
    }
}
