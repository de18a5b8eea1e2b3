package dev.portico.auth.keys;

import static dev.portico.auth.CallerApp.assertRefused;
import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.auth.AuthTestSupport;
import dev.portico.auth.CallerApp;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.MediaType;
import dev.portico.http.Response;
import dev.portico.testing.Multipart;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/** {@code Authorization: Api-Key} and the {@code authorisation} field, through a real app in-process. */
class KeyAuthenticatorsTest {

    private record Fixture(Accounts accounts, ApiKeys keys, User ada, CreatedApiKey key) {}

    private static Fixture fixture(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        accounts.roles().define("reader", Set.of("posts:read"));
        User ada =
                accounts.users().create(NewUser.of("ada", "", "correct horse").withDefaultRole("reader"));
        ApiKeys keys = ApiKeys.create(accounts);
        return new Fixture(accounts, keys, ada, keys.create(ada.id(), "ci", Optional.empty(), Optional.of("reader")));
    }

    @DatabaseTest
    void theApiKeyHeaderAuthenticatesAsTheKeyAndItsRole(TestDatabase test) {
        Fixture f = fixture(test);
        try (var db = f.accounts().database()) {
            Portico app = CallerApp.app(ApiKeyAuthenticator.create(f.keys()));
            for (String scheme : new String[] {"Api-Key", "api-key", "API-KEY"}) {
                Response response = CallerApp.me(app, scheme + " " + f.key().credential());
                assertThat(response.status()).as(scheme).isEqualTo(200);
                JsonNode me = json(response);
                assertThat(me.get("user").asText()).isEqualTo("ada");
                assertThat(me.get("key").asText()).isEqualTo(f.key().key().keyId());
                assertThat(me.get("role").asText()).isEqualTo("reader");
                assertThat(me.get("scopes").toString()).isEqualTo("[\"posts:read\"]");
            }
            assertThat(json(app.handle(TestRequest.get("/api/me/"))).get("user").asText())
                    .isEqualTo("anonymous");
            assertThat(json(CallerApp.me(app, "Bearer abc")).get("user").asText())
                    .as("another scheme is not ours")
                    .isEqualTo("anonymous");
            assertThat(ApiKeyAuthenticator.create(f.keys()).challenge()).contains("Api-Key realm=\"api\"");
        }
    }

    @DatabaseTest
    void malformedOrRefusedApiKeyHeadersAre401InTheErrorFormat(TestDatabase test) {
        Fixture f = fixture(test);
        try (var db = f.accounts().database()) {
            Portico app = CallerApp.app(ApiKeyAuthenticator.create(f.keys()));
            assertRefused(CallerApp.me(app, "Api-Key"), "Invalid API key header. No credentials provided.");
            assertRefused(CallerApp.me(app, "Api-Key   "), "Invalid API key header. No credentials provided.");
            assertRefused(
                    CallerApp.me(app, "Api-Key a b"),
                    "Invalid API key header. Credentials string should not contain spaces.");
            String id = f.key().key().keyId();
            for (String bad : new String[] {
                ":",
                id,
                id + ":",
                id + ":wrong",
                "k-0000000000000000:" + f.key().secret(),
                "nonsense",
                f.key().credential() + "x"
            }) {
                Response response = CallerApp.me(app, "Api-Key " + bad);
                assertRefused(response, "Invalid API key.");
                assertThat(response.headerValue("WWW-Authenticate")).contains(ApiKeyAuthenticator.CHALLENGE);
            }
            f.keys().revoke(id);
            assertRefused(CallerApp.me(app, "Api-Key " + f.key().credential()), "Invalid API key.");
        }
    }

    @DatabaseTest
    void theAuthorisationFieldOfAFormBodyAuthenticatesWhileTheEndpointBindsTheBody(TestDatabase test) {
        Fixture f = fixture(test);
        try (var db = f.accounts().database()) {
            Portico app = CallerApp.app(FormKeyAuthenticator.create(f.keys()));
            Response urlencoded = app.handle(TestRequest.of("POST", "/api/notes/")
                    .header("Content-Type", MediaType.FORM_URLENCODED)
                    .body(("title=Hello&authorisation=" + f.key().credential()).getBytes(StandardCharsets.UTF_8)));
            assertThat(urlencoded.status()).isEqualTo(200);
            assertThat(json(urlencoded).get("title").asText()).isEqualTo("Hello");
            assertThat(json(urlencoded).at("/caller/key").asText())
                    .isEqualTo(f.key().key().keyId());

            Multipart body = Multipart.create()
                    .field("title", "Multi")
                    .field("authorisation", f.key().credential());
            Response multipart = app.handle(TestRequest.of("POST", "/api/notes/")
                    .header("Content-Type", Multipart.contentType())
                    .body(body.build()));
            assertThat(multipart.status()).isEqualTo(200);
            assertThat(json(multipart).get("title").asText()).isEqualTo("Multi");
            assertThat(json(multipart).at("/caller/user").asText()).isEqualTo("ada");

            Response json = app.handle(TestRequest.of("POST", "/api/notes/").json("{\"title\":\"J\"}"));
            assertThat(json(json).at("/caller/user").asText())
                    .as("no form, no field")
                    .isEqualTo("anonymous");

            Response wrong = app.handle(TestRequest.of("POST", "/api/notes/")
                    .header("Content-Type", MediaType.FORM_URLENCODED)
                    .body(("title=Hello&authorisation=" + f.key().key().keyId() + ":nope")
                            .getBytes(StandardCharsets.UTF_8)));
            // a form field has no challenge, so where it is the only scheme a refusal is a 403, as in DRF
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(json(wrong).get("detail").asText()).isEqualTo("Invalid API key.");
            assertThat(json(wrong).get("code").asText()).isEqualTo("authentication_failed");
            assertThat(FormKeyAuthenticator.create(f.keys()).challenge()).isEmpty();
        }
    }

    @DatabaseTest
    void theQueryStringWorksWithOneWarningPerEndpointUnlessBodyOnly(TestDatabase test) {
        Fixture f = fixture(test);
        try (var db = f.accounts().database();
                var logs = Logs.capture()) {
            FormKeyAuthenticator form = FormKeyAuthenticator.create(f.keys());
            Portico app = CallerApp.app(form);
            for (int i = 0; i < 3; i++) {
                Response response = app.handle(
                        TestRequest.get("/api/me/?authorisation=" + f.key().credential()));
                assertThat(json(response).get("user").asText()).isEqualTo("ada");
            }
            assertThat(logs.messages())
                    .filteredOn(m -> m.contains("query string"))
                    .singleElement()
                    .satisfies(m -> assertThat(m)
                            .contains("GET /api/me/")
                            .doesNotContain(f.key().secret()));

            Portico strict = CallerApp.app(form.bodyOnly());
            assertThat(json(strict.handle(TestRequest.get(
                                    "/api/me/?authorisation=" + f.key().credential())))
                            .get("user")
                            .asText())
                    .isEqualTo("anonymous");
        }
    }

    @DatabaseTest
    void theSecretNeverAppearsInTheLogsOrInAnyResponse(TestDatabase test) {
        Fixture f = fixture(test);
        String secret = f.key().secret();
        try (var db = f.accounts().database();
                var logs = Logs.capture()) {
            Portico app = CallerApp.app(ApiKeyAuthenticator.create(f.keys()), FormKeyAuthenticator.create(f.keys()));
            String id = f.key().key().keyId();
            Response[] responses = {
                CallerApp.me(app, "Api-Key " + f.key().credential()),
                CallerApp.me(app, "Api-Key " + id + ":" + secret + "x"),
                CallerApp.me(app, "Api-Key " + secret),
                CallerApp.me(app, "Api-Key " + id + ":" + secret + " extra"),
                app.handle(TestRequest.get("/api/me/?authorisation=" + f.key().credential())),
                app.handle(TestRequest.get("/api/me/?authorisation=" + secret)),
                app.handle(TestRequest.of("POST", "/api/notes/")
                        .header("Content-Type", MediaType.FORM_URLENCODED)
                        .body(("title=" + "x".repeat(300) + "&authorisation=" + id + ":" + secret + "!")
                                .getBytes(StandardCharsets.UTF_8))),
            };
            for (Response r : responses) {
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(secret);
                for (int i = 0; i < r.headerCount(); i++) {
                    assertThat(r.headerValue(i)).doesNotContain(secret);
                }
            }
            assertThat(logs.messages())
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m).doesNotContain(secret));
        }
    }

    /** Every event logged while open, at DEBUG and above. */
    static final class Logs implements AutoCloseable {
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final Level level = root.getLevel();
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        static Logs capture() {
            Logs logs = new Logs();
            logs.appender.start();
            logs.root.addAppender(logs.appender);
            logs.root.setLevel(Level.DEBUG);
            return logs;
        }

        java.util.List<String> messages() {
            return appender.list.stream()
                    .map(e -> e.getFormattedMessage()
                            + (e.getThrowableProxy() == null
                                    ? ""
                                    : " " + e.getThrowableProxy().getMessage()))
                    .toList();
        }

        @Override
        public void close() {
            root.setLevel(level);
            root.detachAppender(appender);
        }
    }
}
