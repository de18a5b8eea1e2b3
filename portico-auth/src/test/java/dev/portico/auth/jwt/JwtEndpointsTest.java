package dev.portico.auth.jwt;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.auth.MutableClock;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.NewUser;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The three endpoints and the authenticator end to end, through an in-process app on H2 and PostgreSQL. */
class JwtEndpointsTest {
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");

    record Me(String username) {}

    static Portico app(JwtTestSupport.Setup s) {
        Portico.Builder builder = Portico.builder()
                .config(s.config())
                .authenticators(JwtAuthenticator.create(s.tokens()))
                .permissions(Permission.authenticated())
                .get(
                        "/api/me/",
                        Me.class,
                        req -> new Me(req.principal().orElseThrow().name()));
        return JwtEndpoints.create(s.accounts(), s.tokens()).addTo(builder).build();
    }

    static Response post(Portico app, String path, String json) {
        return app.handle(TestRequest.of("POST", path).json(json));
    }

    static Response form(Portico app, String path, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return app.handle(TestRequest.of("POST", path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static Response me(Portico app, String authorization) {
        TestRequest request = TestRequest.get("/api/me/");
        return app.handle(authorization == null ? request : request.header("Authorization", authorization));
    }

    static void assertInvalid(Response r, String detail) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(json(r).toString()).isEqualTo("{\"detail\":\"" + detail + "\",\"code\":\"token_not_valid\"}");
        assertThat(r.headerValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
    }

    @DatabaseTest
    void obtainRefreshVerifyAndCallAProtectedEndpoint(TestDatabase test) {
        var s = JwtTestSupport.setup(test, clock, b -> {});
        try (var db = s.accounts().database()) {
            s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            Portico app = app(s);

            Response obtained =
                    post(app, "/auth/obtain_token/", "{\"username\":\"ada\",\"password\":\"correct horse\"}");
            assertThat(obtained.status()).isEqualTo(200);
            JsonNode pair = json(obtained);
            assertThat(pair.properties())
                    .extracting(java.util.Map.Entry::getKey)
                    .containsExactly("refresh", "access");
            String access = pair.get("access").asText();
            String refresh = pair.get("refresh").asText();

            Response mine = me(app, "Bearer " + access);
            assertThat(mine.status()).isEqualTo(200);
            assertThat(json(mine).get("username").asText()).isEqualTo("ada");
            assertThat(me(app, "bearer " + access).status())
                    .as("the scheme in any case")
                    .isEqualTo(200);
            assertThat(me(app, "BEARER  " + access + " ").status()).isEqualTo(200);

            Response verified = post(app, "/auth/verify_token/", "{\"token\":\"" + access + "\"}");
            assertThat(verified.status()).isEqualTo(200);
            assertThat(json(verified).toString()).isEqualTo("{}");
            assertThat(form(app, "/auth/verify_token/", "token", refresh).status())
                    .isEqualTo(200);

            Response refreshed = form(app, "/auth/refresh_token/", "refresh", refresh);
            assertThat(refreshed.status()).isEqualTo(200);
            JsonNode next = json(refreshed);
            assertThat(next.properties())
                    .extracting(java.util.Map.Entry::getKey)
                    .containsExactly("access", "refresh");
            assertThat(me(app, "Bearer " + next.get("access").asText()).status())
                    .isEqualTo(200);

            assertInvalid(
                    post(app, "/auth/refresh_token/", "{\"refresh\":\"" + refresh + "\"}"), InvalidToken.BLACKLISTED);
            assertInvalid(
                    post(
                            app,
                            "/auth/refresh_token/",
                            "{\"refresh\":\"" + next.get("refresh").asText() + "\"}"),
                    InvalidToken.BLACKLISTED);
            assertInvalid(
                    post(app, "/auth/verify_token/", "{\"token\":\"" + refresh + "x\"}"),
                    InvalidToken.INVALID_OR_EXPIRED);
            assertInvalid(
                    post(app, "/auth/refresh_token/", "{\"refresh\":\"" + access + "\"}"),
                    InvalidToken.INVALID_OR_EXPIRED);
        }
    }

    @DatabaseTest
    void withoutRotationRefreshAnswersAnAccessTokenAlone(TestDatabase test) {
        var s = JwtTestSupport.setup(test, clock, b -> b.set(JwtSettings.ROTATE_REFRESH, false));
        try (var db = s.accounts().database()) {
            s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            Portico app = app(s);
            String refresh = json(form(app, "/auth/obtain_token/", "username", "ada", "password", "correct horse"))
                    .get("refresh")
                    .asText();
            Response r = post(app, "/auth/refresh_token/", "{\"refresh\":\"" + refresh + "\"}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(json(r).properties())
                    .extracting(java.util.Map.Entry::getKey)
                    .containsExactly("access");
        }
    }

    @DatabaseTest
    void badCredentialsAndBadInputAnswerAsSimplejwt(TestDatabase test) {
        var s = JwtTestSupport.setup(test, clock, b -> {});
        try (var db = s.accounts().database()) {
            var ada = s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            Portico app = app(s);
            for (String body : new String[] {
                "{\"username\":\"ada\",\"password\":\"wrong horse\"}",
                "{\"username\":\"nobody\",\"password\":\"correct horse\"}"
            }) {
                Response r = post(app, "/auth/obtain_token/", body);
                assertThat(r.status()).isEqualTo(401);
                assertThat(json(r).toString())
                        .isEqualTo("{\"detail\":\"No active account found with the given "
                                + "credentials\",\"code\":\"no_active_account\"}");
                assertThat(r.headerValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
            }
            s.accounts().users().setActive(ada.id(), false);
            assertThat(post(app, "/auth/obtain_token/", "{\"username\":\"ada\",\"password\":\"correct horse\"}")
                            .status())
                    .as("an inactive account")
                    .isEqualTo(401);

            Response missing = post(app, "/auth/obtain_token/", "{\"username\":\"ada\"}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(json(missing).at("/errors/password/0").asText()).isEqualTo("This field is required.");
            assertThat(post(app, "/auth/verify_token/", "{\"token\":\"\"}").status())
                    .isEqualTo(400);
            assertThat(post(app, "/auth/verify_token/", "not json").status()).isEqualTo(400);
            assertThat(app.handle(TestRequest.get("/auth/obtain_token/")).status())
                    .isEqualTo(405);
        }
    }

    @DatabaseTest
    void theAuthenticatorRefusesEveryBadBearerTokenWithSimplejwtsSentence(TestDatabase test) {
        var s = JwtTestSupport.setup(test, clock, b -> {});
        try (var db = s.accounts().database()) {
            var ada = s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            Portico app = app(s);
            TokenPair pair = s.tokens().obtain(ada);

            Response anonymous = me(app, null);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(json(anonymous).get("code").asText()).isEqualTo("not_authenticated");
            assertThat(anonymous.headerValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
            assertThat(me(app, "Basic YWRhOmNvcnJlY3QgaG9yc2U=").status())
                    .as("not mine: anonymous")
                    .isEqualTo(401);
            assertThat(json(me(app, "Basic YWRhOmNvcnJlY3QgaG9yc2U="))
                            .get("code")
                            .asText())
                    .isEqualTo("not_authenticated");

            String[] parts = pair.access().split("\\.");
            for (String bad : new String[] {
                "garbage",
                pair.refresh(),
                pair.access().substring(0, 40),
                parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse(),
                "eyJhbGciOiJub25lIn0." + parts[1] + "."
            }) {
                Response r = me(app, "Bearer " + bad);
                assertThat(r.status()).isEqualTo(401);
                assertThat(json(r).toString())
                        .isEqualTo("{\"detail\":\"Given token not valid for any token type\","
                                + "\"code\":\"token_not_valid\"}");
            }
            Response twoValues = me(app, "Bearer a b");
            assertThat(twoValues.status()).isEqualTo(401);
            assertThat(json(twoValues).get("code").asText()).isEqualTo("bad_authorization_header");
            assertThat(json(me(app, "Bearer")).get("code").asText()).isEqualTo("bad_authorization_header");

            clock.advance(Duration.ofMinutes(6));
            assertThat(json(me(app, "Bearer " + pair.access())).get("code").asText())
                    .as("expired")
                    .isEqualTo("token_not_valid");
            clock.set(java.time.Instant.parse("2030-01-01T00:00:00Z"));
            assertThat(me(app, "Bearer " + pair.access()).status()).isEqualTo(200);
            s.accounts().users().endAllSessions(ada.id());
            assertThat(json(me(app, "Bearer " + pair.access())).get("code").asText())
                    .as("stale epoch")
                    .isEqualTo("token_not_valid");
        }
    }

    @DatabaseTest
    void theEndpointsAreDocumentedWithReadableOperationIds(TestDatabase test) {
        var s = JwtTestSupport.setup(test, clock, b -> {});
        try (var db = s.accounts().database()) {
            JsonNode doc = json(app(s).handle(TestRequest.get("/api/schema/?format=json")));
            JsonNode paths = doc.get("paths");
            assertThat(paths.at("/~1auth~1obtain_token~1/post/operationId").asText())
                    .isEqualTo("obtainToken");
            assertThat(paths.at("/~1auth~1refresh_token~1/post/operationId").asText())
                    .isEqualTo("refreshToken");
            assertThat(paths.at("/~1auth~1verify_token~1/post/operationId").asText())
                    .isEqualTo("verifyToken");
            assertThat(paths.at("/~1auth~1obtain_token~1/post/summary").asText())
                    .isEqualTo("Obtain an access and a refresh token");
            assertThat(paths.at("/~1auth~1obtain_token~1/post/responses/401")).isNotNull();
            assertThat(paths.at("/~1auth~1obtain_token~1/post/responses/401").isMissingNode())
                    .isFalse();
            assertThat(paths.at("/~1auth~1obtain_token~1/post/responses/200/content/application~1json/schema/$ref")
                            .asText())
                    .isEqualTo("#/components/schemas/TokenPair");
            assertThat(paths.at("/~1auth~1obtain_token~1/post/requestBody/content")
                            .has("application/x-www-form-urlencoded"))
                    .isTrue();
            assertThat(doc.at("/components/schemas/TokenRefreshed/required").toString())
                    .isEqualTo("[\"access\"]");
        }
    }
}
