package dev.portico.pipeline;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.http.FileUpload;
import dev.portico.http.MediaType;
import dev.portico.http.Response;
import dev.portico.testing.Multipart;
import dev.portico.testing.TestRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Multipart bodies: files, spooling and its cleanup, and every limit, caught while the body streams. */
class MultipartTest {
    record Photo(String title, FileUpload upload) {}

    record Stored(String title, String name, String contentType, long size, String content) {}

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    private static final AtomicReference<Set<Path>> SPOOLED = new AtomicReference<>(Set.of());
    private static final AtomicReference<Set<Path>> BEFORE = new AtomicReference<>(Set.of());

    private static Portico app(PorticoConfig config) {
        return Portico.builder()
                .config(config)
                .post("/api/photos/", Photo.class, Stored.class, (request, photo) -> store(photo), e -> {})
                .post(
                        "/api/failing/",
                        Photo.class,
                        Stored.class,
                        (request, photo) -> {
                            store(photo);
                            throw new IllegalStateException("the endpoint failed after the upload was spooled");
                        },
                        e -> {})
                .build();
    }

    private static Portico app() {
        return app(PorticoConfig.builder()
                .set(Settings.LIMITS_MULTIPART_MEMORY_THRESHOLD, 16L)
                .build());
    }

    private static Stored store(Photo photo) throws IOException {
        Set<Path> now = uploads();
        now.removeAll(BEFORE.get());
        SPOOLED.set(now);
        FileUpload f = photo.upload();
        return new Stored(
                photo.title(), f.name(), f.contentType(), f.size(), new String(f.bytes(), StandardCharsets.UTF_8));
    }

    private static Set<Path> uploads() {
        try (Stream<Path> files = Files.list(TMP)) {
            return files.filter(p -> p.getFileName().toString().startsWith("portico-upload-"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response send(Portico app, String path, byte[] body, boolean chunked) {
        TestRequest request = TestRequest.of("POST", path)
                .header("Content-Type", Multipart.contentType())
                .body(body);
        BEFORE.set(uploads());
        SPOOLED.set(Set.of());
        return app.handle(chunked ? request.chunked() : request);
    }

    private static byte[] photo(String fileName, String content) {
        return Multipart.create()
                .field("title", "Cat")
                .file("upload", fileName, "image/png", content.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void aFileIsBoundWithItsNameTypeSizeAndContent() {
        Response response = send(app(), "/api/photos/", photo("cat.png", "tiny"), false);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("name").asText()).isEqualTo("cat.png");
        assertThat(body.get("contentType").asText()).isEqualTo("image/png");
        assertThat(body.get("size").asLong()).isEqualTo(4);
        assertThat(body.get("content").asText()).isEqualTo("tiny");
        assertThat(SPOOLED.get()).isEmpty(); // under the threshold: held in memory
    }

    @Test
    void aLargeFileIsSpooledToDiskAndRemovedAfterTheRequest() {
        String content = "x".repeat(5000);
        Response response = send(app(), "/api/photos/", photo("big.png", content), false);
        assertThat(json(response).get("content").asText()).isEqualTo(content);
        assertThat(SPOOLED.get()).hasSize(1);
        assertThat(SPOOLED.get()).allSatisfy(file -> assertThat(file).doesNotExist());
    }

    @Test
    void spooledFilesAreRemovedWhenTheEndpointThrows() {
        Response response = send(app(), "/api/failing/", photo("big.png", "y".repeat(5000)), false);
        assertThat(response.status()).isEqualTo(500);
        assertThat(SPOOLED.get()).hasSize(1);
        assertThat(SPOOLED.get()).allSatisfy(file -> assertThat(file).doesNotExist());
    }

    @Test
    void theFileNameIsReducedToItsLastSegment() {
        assertThat(json(send(app(), "/api/photos/", photo("../../etc/passwd", "a"), false))
                        .get("name")
                        .asText())
                .isEqualTo("passwd");
        assertThat(json(send(app(), "/api/photos/", photo("C:\\Users\\ada\\cat.png", "a"), false))
                        .get("name")
                        .asText())
                .isEqualTo("cat.png");
        assertThat(json(send(app(), "/api/photos/", photo("..", "a"), false))
                        .get("name")
                        .asText())
                .isEmpty();
    }

    @Test
    void tooManyPartsIs400BeforeTheRestIsRead() {
        Portico app = app(
                PorticoConfig.builder().set(Settings.LIMITS_MULTIPART_PARTS, 2).build());
        byte[] body = Multipart.create()
                .field("title", "Cat")
                .file("upload", "a.png", "image/png", new byte[3])
                .field("extra", "x")
                .build();
        Response response = send(app, "/api/photos/", body, false);
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("too_many_parts");
    }

    @Test
    void aPartLargerThanTheLimitIs413WithOrWithoutADeclaredLength() {
        Portico app = app(PorticoConfig.builder()
                .set(Settings.LIMITS_MULTIPART_PART_SIZE, 100L)
                .set(Settings.LIMITS_MULTIPART_MEMORY_THRESHOLD, 16L)
                .build());
        for (boolean chunked : List.of(false, true)) {
            Response response = send(app, "/api/photos/", photo("big.png", "z".repeat(500)), chunked);
            assertThat(response.status()).isEqualTo(413);
            assertThat(json(response).get("code").asText()).isEqualTo("payload_too_large");
            assertThat(SPOOLED.get()).isEmpty();
            assertThat(uploads()).isSubsetOf(BEFORE.get()); // the half-written spool file is gone too
            Response field = send(
                    app,
                    "/api/photos/",
                    Multipart.create().field("title", "t".repeat(500)).build(),
                    chunked);
            assertThat(field.status()).isEqualTo(413);
        }
        assertThat(send(app, "/api/photos/", photo("ok.png", "z".repeat(100)), true)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theBodyLimitHoldsForChunkedMultipartBodies() {
        Portico app =
                app(PorticoConfig.builder().set(Settings.LIMITS_BODY_SIZE, 300L).build());
        Response response = send(app, "/api/photos/", photo("big.png", "z".repeat(1000)), true);
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void malformedMultipartIs400InTheErrorFormat() {
        Response noBoundary = app().handle(TestRequest.of("POST", "/api/photos/")
                .header("Content-Type", MediaType.MULTIPART_FORM_DATA)
                .body("--x\r\n".getBytes()));
        assertThat(noBoundary.status()).isEqualTo(400);
        assertThat(json(noBoundary).get("code").asText()).isEqualTo("parse_error");
        byte[] whole = photo("a.png", "abc");
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 30);
        Response cut = send(app(), "/api/photos/", truncated, false);
        assertThat(cut.status()).isEqualTo(400);
        assertThat(json(cut).get("code").asText()).isEqualTo("parse_error");
    }

    @Test
    void aFileBodyIsOnlyReadFromMultipart() {
        Response response = app().handle(TestRequest.of("POST", "/api/photos/")
                .header("Content-Type", MediaType.FORM_URLENCODED)
                .body("title=Cat&upload=x".getBytes()));
        assertThat(response.status()).isEqualTo(415);
        Response missing = send(
                app(), "/api/photos/", Multipart.create().field("title", "Cat").build(), false);
        assertThat(json(missing).get("errors").get("upload").get(0).asText()).isEqualTo("No file was submitted.");
    }
}
