package dev.portico.test;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.http.FileUpload;
import dev.portico.http.MediaType;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.throttle.Throttle;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A small application of core alone that the client's tests drive, in-process and over the wire. */
final class SampleApp {

    record Greeting(String message) {}

    record NewNote(@NotBlank @Size(max = 20) String title, Optional<String> text) {}

    record Note(long id, String title, Optional<String> text) {}

    record Listing(int page, List<String> tags, String search) {}

    record Echo(String value) {}

    record Upload(FileUpload file, Optional<String> note) {}

    record Received(String name, String contentType, String content, Optional<String> note) {}

    record Count(int count) {}

    /** {@code Authorization: Token <name>} signs in as {@code name}; {@code Token bad} fails. */
    static final Authenticator TOKENS = new Authenticator() {
        @Override
        public Optional<Principal> authenticate(dev.portico.http.Request request) {
            return request.header("Authorization")
                    .filter(h -> h.startsWith("Token "))
                    .map(h -> Principal.of(h.substring(6), Set.of()));
        }

        /** DRF's {@code TokenAuthentication.authenticate_header}: without one, a refusal would be a 403. */
        @Override
        public Optional<String> challenge() {
            return Optional.of("Token");
        }
    };

    private SampleApp() {}

    static Portico.Builder builder(PorticoConfig config) {
        AtomicInteger notes = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        return Portico.builder()
                .config(config)
                .shutdownHook(false)
                .get("/api/hello/{name}/", Greeting.class, r -> new Greeting("Hello, " + r.pathParam("name") + "!"))
                .post(
                        "/api/notes/",
                        NewNote.class,
                        Note.class,
                        (r, note) -> {
                            long id = notes.incrementAndGet();
                            r.responseHeader("Location", "/api/notes/" + id + "/");
                            return new Note(id, note.title(), note.text());
                        },
                        e -> e.status(201)
                                .documentHeader(dev.portico.endpoint.Docs.Header.response(
                                        201, "Location", "The new note's URL.")))
                .get(
                        "/api/notes/",
                        Listing.class,
                        r -> new Listing(
                                (Integer) r.input("page"),
                                r.queryAll("tag"),
                                r.query("search").orElse("")),
                        e -> e.query("page", int.class, "1").query("search", String.class, ""))
                .get("/api/cookies/set/", Echo.class, r -> {
                    r.responseHeader("Set-Cookie", "flavour=oat; Path=/; HttpOnly");
                    return new Echo("set");
                })
                .get("/api/cookies/clear/", Echo.class, r -> {
                    r.responseHeader("Set-Cookie", "flavour=; Max-Age=0; Path=/");
                    return new Echo("cleared");
                })
                .get(
                        "/api/cookies/dated/",
                        Echo.class,
                        r -> { // an Expires an hour ahead on the app's clock
                            r.responseHeader(
                                    "Set-Cookie",
                                    "dated=yes; Path=/; Expires="
                                            + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                                    config.clock()
                                                            .instant()
                                                            .plus(Duration.ofHours(1))
                                                            .atZone(java.time.ZoneOffset.UTC)));
                            return new Echo("dated");
                        })
                .get(
                        "/api/cookies/",
                        Echo.class,
                        r -> new Echo(r.header("Cookie").orElse("")))
                .post(
                        "/api/echo-header/",
                        Echo.class,
                        Echo.class,
                        (r, body) -> new Echo(r.header(body.value()).orElse("(none)")))
                .get(
                        "/api/stream/",
                        Response.class,
                        r -> Response.stream(
                                200,
                                MediaType.TEXT_PLAIN_UTF8,
                                out -> out.write("streamed".getBytes(StandardCharsets.UTF_8))))
                .get(
                        "/api/private/",
                        Echo.class,
                        r -> new Echo(r.principal().orElseThrow().id()),
                        e -> e.authenticators(TOKENS).permissions(Permission.authenticated()))
                .get("/api/limited/", Echo.class, r -> new Echo("ok"), e -> e.throttle(Throttle.of("2/min")))
                .get(
                        "/api/cached/",
                        Count.class,
                        r -> new Count(cached.incrementAndGet()),
                        e -> e.cacheFor(Duration.ofSeconds(30)))
                .post(
                        "/api/uploads/",
                        Upload.class,
                        Received.class,
                        (r, upload) -> new Received(
                                upload.file().name(), upload.file().contentType(), read(upload.file()), upload.note()),
                        e -> e.status(201));
    }

    private static String read(FileUpload file) throws IOException {
        try (InputStream in = file.stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
