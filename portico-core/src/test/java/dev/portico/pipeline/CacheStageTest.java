package dev.portico.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.cache.ResponseCache;
import dev.portico.config.PorticoConfig;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The response-cache stage: seed 003's key, per-caller isolation, the headers it sets, and invalidation. */
class CacheStageTest {
    record Count(String who, int n) {}

    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final ResponseCache cache = ResponseCache.inMemory(1 << 20, clock);

    private Portico app() {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .authenticators(TestCaller.bearer())
                .responseCache(cache)
                .get(
                        "/api/count/",
                        Count.class,
                        r -> new Count(r.principal().map(Principal::id).orElse("anon"), runs.incrementAndGet()),
                        e -> e.cacheFor(Duration.ofSeconds(10)).cacheTag("counts"))
                .get(
                        "/api/lang/",
                        Count.class,
                        r -> new Count((String) r.input("Accept-Language"), runs.incrementAndGet()),
                        e -> e.header("Accept-Language", String.class, "en").cacheFor(Duration.ofSeconds(10)))
                .get(
                        "/api/cookie/",
                        Response.class,
                        r -> Response.text(200, "c" + runs.incrementAndGet())
                                .header("Set-Cookie", "a=b")
                                .header("X-Kept", "yes"),
                        e -> e.cacheFor(Duration.ofSeconds(10)))
                .get(
                        "/api/missing/",
                        Response.class,
                        r -> Response.text(404, "n" + runs.incrementAndGet()),
                        e -> e.cacheFor(Duration.ofSeconds(10)))
                .get(
                        "/api/stream/",
                        Response.class,
                        r -> {
                            int n = runs.incrementAndGet();
                            return Response.stream(
                                    200, "text/plain", out -> out.write(("s" + n).getBytes(StandardCharsets.UTF_8)));
                        },
                        e -> e.cacheFor(Duration.ofSeconds(10)))
                .endpoint(Endpoint.builder(HttpMethod.POST, "/api/count/")
                        .invalidates("counts")
                        .handle(r -> null)
                        .build())
                .build();
    }

    private static Response get(Portico app, String target, String user) {
        TestRequest request = TestRequest.get(target);
        if (user != null) {
            request.header("Authorization", "Bearer " + user);
        }
        return app.handle(request);
    }

    private static String body(Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aSecondCallIsAHitWithTheSameBody() {
        Portico app = app();
        Response first = get(app, "/api/count/", "alice");
        Response second = get(app, "/api/count/", "alice");
        assertThat(first.headerValue("X-Cache")).contains("MISS");
        assertThat(second.headerValue("X-Cache")).contains("HIT");
        assertThat(body(second)).isEqualTo(body(first)).isEqualTo("{\"who\":\"alice\",\"n\":1}");
        assertThat(second.contentType()).contains("application/json");
        assertThat(runs).hasValue(1);
    }

    @Test
    void interleavedUsersNeverSeeEachOthersResponse() {
        Portico app = app();
        String[] users = {"alice", "bob", null, "alice", "carol", "bob", null, "carol", "alice"};
        for (String user : users) {
            Response r = get(app, "/api/count/", user);
            assertThat(body(r)).contains("\"who\":\"" + (user == null ? "anon" : user) + "\"");
        }
        assertThat(runs).hasValue(4); // alice, bob, anonymous (by IP), carol: one run each
    }

    @Test
    void theQueryIsNormalisedButItsValuesCount() {
        Portico app = app();
        get(app, "/api/count/?b=1&a=2&a=3", "alice");
        assertThat(get(app, "/api/count/?a=2&b=1&a=3", "alice").headerValue("X-Cache"))
                .contains("HIT");
        assertThat(get(app, "/api/count/?a=3&b=1&a=2", "alice").headerValue("X-Cache"))
                .contains("MISS");
        assertThat(get(app, "/api/count/?a=2&b=2&a=3", "alice").headerValue("X-Cache"))
                .contains("MISS");
    }

    @Test
    void aHeaderInputIsPartOfTheKeyAndOfVary() {
        Portico app = app();
        Response en = app.handle(TestRequest.get("/api/lang/").header("Accept-Language", "en"));
        Response fr = app.handle(TestRequest.get("/api/lang/").header("Accept-Language", "fr"));
        assertThat(fr.headerValue("X-Cache")).contains("MISS");
        assertThat(body(fr)).contains("\"who\":\"fr\"");
        assertThat(app.handle(TestRequest.get("/api/lang/").header("Accept-Language", "en"))
                        .headerValue("X-Cache"))
                .contains("HIT");
        assertThat(en.headerValue("Vary")).contains("Authorization, Accept-Language");
    }

    @Test
    void authenticatedAnswersArePrivateAndVaryOnTheCredentials() {
        Portico app = app();
        for (Response r : new Response[] {get(app, "/api/count/", "alice"), get(app, "/api/count/", "alice")}) {
            assertThat(r.headerValue("Cache-Control")).contains("private");
            assertThat(r.headerValue("Vary")).contains("Authorization");
        }
        Response anonymous = get(app, "/api/count/", null);
        assertThat(anonymous.headerValue("Cache-Control")).isEmpty();
        assertThat(anonymous.headerValue("Vary")).contains("Authorization");
    }

    @Test
    void setCookieIsNeverReplayedButOtherHeadersAre() {
        Portico app = app();
        Response miss = get(app, "/api/cookie/", "alice");
        Response hit = get(app, "/api/cookie/", "alice");
        assertThat(miss.headerValue("Set-Cookie")).contains("a=b");
        assertThat(hit.headerValue("X-Cache")).contains("HIT");
        assertThat(hit.headerValue("Set-Cookie")).isEmpty();
        assertThat(hit.headerValue("X-Kept")).contains("yes");
        assertThat(body(hit)).isEqualTo("c1");
    }

    @Test
    void otherStatusesAndStreamedBodiesAreNotStored() {
        Portico app = app();
        get(app, "/api/missing/", "alice");
        assertThat(get(app, "/api/missing/", "alice").headerValue("X-Cache")).contains("MISS");
        get(app, "/api/stream/", "alice");
        assertThat(get(app, "/api/stream/", "alice").headerValue("X-Cache")).contains("MISS");
        assertThat(runs).hasValue(4);
    }

    @Test
    void anEntryExpiresAfterItsDurationOnTheInjectedClock() {
        Portico app = app();
        get(app, "/api/count/", "alice");
        now.set(now.get().plusMillis(9_999));
        assertThat(get(app, "/api/count/", "alice").headerValue("X-Cache")).contains("HIT");
        now.set(now.get().plusMillis(1));
        assertThat(get(app, "/api/count/", "alice").headerValue("X-Cache")).contains("MISS");
    }

    @Test
    void aWriteThatInvalidatesTheTagDropsEveryCallersEntries() {
        Portico app = app();
        get(app, "/api/count/", "alice");
        get(app, "/api/count/", "bob");
        app.handle(TestRequest.of("POST", "/api/count/"));
        assertThat(get(app, "/api/count/", "alice").headerValue("X-Cache")).contains("MISS");
        assertThat(get(app, "/api/count/", "bob").headerValue("X-Cache")).contains("MISS");
        assertThat(get(app, "/api/count/", "bob").headerValue("X-Cache")).contains("HIT");
    }

    @Test
    void cachingFailsTheBuildOnAWriteOrForTooLong() {
        assertThatThrownBy(() -> Portico.builder()
                        .config(PorticoConfig.defaults())
                        .endpoint(Endpoint.builder(HttpMethod.POST, "/api/x/")
                                .cacheFor(Duration.ofSeconds(5))
                                .handle(r -> null)
                                .build())
                        .build())
                .hasMessageContaining("only GET endpoints may use; remove cacheFor");
        assertThatThrownBy(() -> Portico.builder()
                        .config(PorticoConfig.defaults())
                        .get("/api/x/", String.class, r -> "x", e -> e.cacheFor(Duration.ofDays(2)))
                        .build())
                .hasMessageContaining("at most PT24H");
    }

    @Test
    void keyHoldsTheCallerThePathAndTheSortedQuery() {
        StringBuilder out = new StringBuilder();
        CacheStage.normalisedQuery("z=1&&a=2&m&a=1", out);
        assertThat(out).hasToString("a=2&a=1&m&z=1");
        assertThat(CacheStage.privately(Optional.of("public, max-age=60"))).isEqualTo("private, max-age=60");
    }
}
