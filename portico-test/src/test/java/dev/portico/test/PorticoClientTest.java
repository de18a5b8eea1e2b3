package dev.portico.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-process client against {@link SampleApp}: bodies, queries, headers, cookies, credentials, typed reads. */
@PorticoTest(database = TestDatabase.NONE)
class PorticoClientTest {

    @App
    static Portico app(TestSetup setup) {
        return SampleApp.builder(setup.config().build()).build();
    }

    @Test
    void aJsonBodyIsWrittenWithTheMapperAndTheAnswerReadTyped(PorticoClient client) {
        TestResponse created = client.post("/api/notes/")
                .json(new SampleApp.NewNote("Hi", Optional.of("there")))
                .send();
        assertThat(created)
                .hasStatus(201)
                .hasContentType("application/json")
                .hasHeader("Location")
                .hasJsonPath("$.title", "Hi")
                .hasJsonPath("$.text", "there");
        SampleApp.Note note = created.json(SampleApp.Note.class);
        assertThat(note.title()).isEqualTo("Hi");
        assertThat(created.header("Location")).contains("/api/notes/" + note.id() + "/");
    }

    @Test
    void aStringIsSentAsItIsAndTheErrorFormatIsAsserted(PorticoClient client) {
        assertThat(client.post("/api/notes/").json("{\"text\":\"no title\"}").send())
                .isProblem(400)
                .hasCode("invalid")
                .hasFieldError("title", "This field is required.")
                .hasErrorsOnlyOn("title");
        assertThat(client.post("/api/notes/").json("{\"title\":").send())
                .isProblem(400)
                .hasCode("parse_error");
        assertThat(client.post("/api/notes/")
                        .json("{\"title\":\"" + "x".repeat(21) + "\"}")
                        .send())
                .isProblem(400)
                .hasFieldError("title", "Ensure this field has no more than 20 characters.");
    }

    @Test
    void queryValuesAreEncodedAndRepeatedNamesSentRepeated(PorticoClient client) {
        assertThat(client.get("/api/notes/")
                        .query("page", 2)
                        .query("tag", "a b")
                        .query("tag", "ä&=")
                        .query("search", "x+y")
                        .send())
                .hasStatus(200)
                .hasJsonPath("$.page", 2)
                .hasJsonPath("$.tags", List.of("a b", "ä&="))
                .hasJsonPath("$.search", "x+y");
        assertThat(client.get("/api/notes/?page=3").send()).hasJsonPath("$.page", 3);
        assertThat(client.get("/api/notes/").query("page", "two").send())
                .isProblem(400)
                .hasFieldError("page");
    }

    @Test
    void formAndMultipartBodies(PorticoClient client) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "From a form");
        fields.put("text", "a & b");
        assertThat(client.post("/api/notes/").form(fields).send())
                .hasStatus(201)
                .hasJsonPath("$.text", "a & b");
        TestResponse uploaded = client.post("/api/uploads/")
                .multipart(Multipart.create()
                        .field("note", "n")
                        .file("file", "a.txt", "text/plain", "content".getBytes(StandardCharsets.UTF_8)))
                .send();
        assertThat(uploaded)
                .hasStatus(201)
                .hasJson("{\"name\":\"a.txt\",\"contentType\":\"text/plain\","
                        + "\"content\":\"content\",\"note\":\"n\"}");
    }

    @Test
    void cookiesAreKeptBetweenRequestsAndClearedByMaxAgeZero(PorticoClient client) {
        assertThat(client.get("/api/cookies/").send()).hasJsonPath("$.value", "");
        client.get("/api/cookies/set/").send();
        assertThat(client.cookies().get("flavour")).contains("oat");
        assertThat(client.get("/api/cookies/").send()).hasJsonPath("$.value", "flavour=oat");
        assertThat(client.get("/api/cookies/").cookie("extra", "1").send())
                .hasJsonPath("$.value", "flavour=oat; extra=1");
        PorticoClient other = client.fork();
        client.get("/api/cookies/clear/").send();
        assertThat(client.cookies().all()).isEmpty();
        assertThat(other.get("/api/cookies/").send())
                .as("a fork keeps its own jar")
                .hasJsonPath("$.value", "flavour=oat");
    }

    @Test
    void credentialsPerClientAndPerRequest(PorticoClient client) {
        assertThat(client.get("/api/private/").send()).isProblem(401).hasCode("not_authenticated");
        client.withAuthorization("Token alice");
        assertThat(client.get("/api/private/").send()).hasStatus(200).hasJsonPath("$.value", "alice");
        assertThat(client.get("/api/private/").anonymous().send()).hasStatus(401);
        assertThat(client.post("/api/echo-header/")
                        .withJwt("abc")
                        .json(new SampleApp.Echo("Authorization"))
                        .send())
                .hasJsonPath("$.value", "Bearer abc");
        assertThat(client.post("/api/echo-header/")
                        .withApiKey("k:s")
                        .json(new SampleApp.Echo("Authorization"))
                        .send())
                .hasJsonPath("$.value", "Api-Key k:s");
        client.impersonation(user -> "Token " + user);
        assertThat(client.as("bob").get("/api/private/").send()).hasJsonPath("$.value", "bob");
        client.logout();
        assertThat(client.get("/api/private/").send()).hasStatus(401);
    }

    @Test
    void asWithoutAnImpersonationSaysHowToSetOne(PorticoClient client) {
        assertThatThrownBy(() -> client.as("ada"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("impersonation(");
    }

    @Test
    void theCsrfCookieIsSentBackAsTheHeaderOnUnsafeMethodsOnly(PorticoClient client) {
        client.cookies().put("csrftoken", "secret123");
        assertThat(client.post("/api/echo-header/")
                        .json(new SampleApp.Echo("X-CSRFToken"))
                        .send())
                .hasJsonPath("$.value", "secret123");
        assertThat(client.post("/api/echo-header/")
                        .header("X-CSRFToken", "mine")
                        .json(new SampleApp.Echo("X-CSRFToken"))
                        .send())
                .hasJsonPath("$.value", "mine");
        assertThat(client.post("/api/echo-header/")
                        .withoutCsrfToken()
                        .json(new SampleApp.Echo("X-CSRFToken"))
                        .send())
                .as("a forged request sends none")
                .hasJsonPath("$.value", "(none)");
    }

    @Test
    void headIsTheGetWithoutItsBodyAndStreamsAreWrittenOut(PorticoClient client) {
        TestResponse get = client.get("/api/hello/ada/").send();
        TestResponse head = client.head("/api/hello/ada/").send();
        assertThat(head)
                .hasStatus(200)
                .hasNoBody()
                .hasHeader("Content-Length", get.header("Content-Length").orElseThrow());
        assertThat(client.get("/api/stream/").send())
                .hasStatus(200)
                .hasBody("streamed")
                .hasContentType("text/plain");
    }

    @Test
    void theMethodCheckAndRoutingRunAsOnTheServer(PorticoClient client) {
        assertThat(client.delete("/api/hello/ada/").send()).isProblem(405).hasHeader("Allow");
        assertThat(client.request("BREW", "/api/hello/ada/").send()).hasStatus(405);
        assertThat(client.get("/api/hello/ada").send()).hasStatus(308).hasHeader("Location", "/api/hello/ada/");
        assertThat(client.get("/nowhere/").send()).isProblem(404).hasNoFieldErrors();
        assertThat(client.get("/api/hello/ada/").send()).hasHeader("X-Request-Id");
    }

    @Test
    void aClientGivenAnAddressIsThrottledApartFromLoopback(PorticoClient client) {
        PorticoClient far = client.fork().remoteAddress("203.0.113.7");
        assertThat(client.get("/api/limited/").send()).hasStatus(200);
        assertThat(client.get("/api/limited/").send()).hasStatus(200);
        assertThat(client.get("/api/limited/").send())
                .as("loopback's two are spent")
                .isProblem(429);
        assertThat(far.get("/api/limited/").send())
                .as("another address counts apart")
                .hasStatus(200);
        assertThat(client.fork()
                        .remoteAddress("2001:db8::1")
                        .get("/api/limited/")
                        .send())
                .hasStatus(200);
        assertThatThrownBy(() -> client.remoteAddress("example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IPv4 or IPv6 literal");
        assertThatThrownBy(() -> client.remoteAddress("999.1.1.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTargetOutsideUriSyntaxIsRefusedAsOverTheWireNamingTheFix(PorticoClient client) {
        assertThatThrownBy(() -> client.get("/api/hello/a b/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent-encode it")
                .hasMessageContaining("index 12");
        assertThatThrownBy(() -> client.get("api/hello/ada/")).hasMessageContaining("starts with /");
        assertThat(client.get("/api/hello/a%20b/").send()).hasStatus(200).hasJsonPath("$.message", "Hello, a b!");
    }

    @Test
    void cookiesAreDatedAndAgedOnTheApplicationsClock(PorticoClient client, MutableClock clock) {
        clock.set(java.time.Instant.parse("2001-02-03T04:05:06Z")); // an Expires long past on the wall clock
        assertThat(client.get("/api/cookies/dated/").send()).setsCookie("dated", "yes");
        assertThat(client.cookies().get("dated")).contains("yes");
        clock.advance(java.time.Duration.ofMinutes(59));
        assertThat(client.get("/api/cookies/").send()).hasJsonPath("$.value", "dated=yes");
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(client.get("/api/cookies/").send()).as("its hour has passed").hasJsonPath("$.value", "");
    }

    @Test
    void aCookieTheServerClearsIsDropped(PorticoClient client) {
        client.cookies().put("kept", "1");
        assertThat(client.get("/api/cookies/set/").send()).setsCookieWith("flavour", "HttpOnly");
        assertThat(client.cookies().get("flavour")).contains("oat");
        assertThat(client.get("/api/cookies/clear/").send()).clearsCookie("flavour");
        assertThat(client.cookies().all()).containsOnlyKeys("kept");
    }

    @Test
    void onAnotherInstanceOneBrowsersCookiesAreShared(PorticoClient client, TestSetup setup) {
        Portico other = SampleApp.builder(setup.config().build()).build();
        try {
            PorticoClient there = client.on(other);
            assertThat(there.get("/api/cookies/set/").send()).setsCookie("flavour", "oat");
            assertThat(client.get("/api/cookies/").send())
                    .as("set by the other instance, sent to this one")
                    .hasJsonPath("$.value", "flavour=oat");
            client.get("/api/cookies/clear/").send();
            assertThat(there.cookies().all()).doesNotContainKey("flavour");
        } finally {
            other.stop();
        }
    }
}
