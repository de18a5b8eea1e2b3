package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example's account endpoints answer as dj-rest-auth 7.1 with Simple JWT 5.5 (USE_JWT, allauth's
 * {@code username_email} login) does, over the wire: the URL layout, {@code {access, refresh, user}}, login by
 * address, the user's names with PUT and PATCH, a password change without the old one, the {@code token/} URLs,
 * Simple JWT's {@code user_id} claim and {@code JWT} keyword, and DRF's CSRF rule for anonymous JSON. Each test has
 * users of its own.
 */
class DjRestAuthTest {
    private static MailedBlog blog;

    @BeforeAll
    static void start() {
        blog = MailedBlog.start();
    }

    @AfterAll
    static void stop() {
        blog.close();
    }

    private static TestResponse register(PorticoClient client, String name) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", name);
        body.put("email", name + "@example.com");
        body.put("password1", "correct horse battery");
        body.put("password2", "correct horse battery");
        return client.post("/auth/registration/").json(body).send();
    }

    @Test
    void registrationAndLoginAnswerAccessRefreshAndTheUserWithASession() {
        TestResponse created = register(blog.client(), "jane");
        assertThat(created).hasStatus(201).setsCookie("sessionid");
        JsonNode body = created.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("access", "refresh", "user");
        assertThat(body.get("user").fieldNames())
                .toIterable()
                .containsExactly("pk", "username", "email", "first_name", "last_name");
        assertThat(created).hasJsonPath("$.user.email", "jane@example.com").hasJsonPath("$.user.first_name", "");

        TestResponse byEmail = blog.client()
                .post("/auth/login/")
                .json(Map.of("email", "Jane@Example.com", "password", "correct horse battery"))
                .send();
        assertThat(byEmail)
                .hasStatus(200)
                .hasJsonPath("$.user.username", "jane")
                .setsCookie("sessionid");
        assertThat(byEmail.json().fieldNames()).toIterable().containsExactly("access", "refresh", "user");
        assertThat(blog.client()
                        .post("/auth/login/")
                        .json(Map.of("username", "jane", "password", "correct horse battery"))
                        .send())
                .hasStatus(200);
        assertThat(blog.client()
                        .post("/auth/login/")
                        .json(Map.of("username", "jane", "password", "wrong"))
                        .send())
                .isProblem(400)
                .hasFieldError("non_field_errors", "Unable to log in with provided credentials.");
        assertThat(blog.client()
                        .post("/auth/login/")
                        .json(Map.of("email", "nobody@example.com", "password", "x"))
                        .send())
                .isProblem(400)
                .hasFieldError("non_field_errors", "Unable to log in with provided credentials.");
        assertThat(blog.client()
                        .post("/auth/login/")
                        .json(Map.of("password", "correct horse battery"))
                        .send())
                .isProblem(400)
                .hasFieldError("non_field_errors", "Must include either \"username\" or \"email\" and \"password\".");

        String access = byEmail.json().path("access").asText();
        JsonNode claims = readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        assertThat(claims.get("user_id").asLong())
                .as("Simple JWT's USER_ID_CLAIM")
                .isEqualTo(body.at("/user/pk").asLong());
        assertThat(blog.client()
                        .get("/auth/user/")
                        .header("Authorization", "JWT " + access)
                        .send())
                .as("seed 004's keyword, with auth.jwt.header-types=Bearer,JWT")
                .hasStatus(200)
                .hasJsonPath("$.username", "jane");
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theUserHasNamesThatPutAndPatchChange() {
        String access = register(blog.client(), "nina").json().path("access").asText();
        PorticoClient nina = blog.client().withJwt(access);
        assertThat(nina.get("/auth/user/").send())
                .hasStatus(200)
                .hasJsonPath("$.first_name", "")
                .hasJsonPath("$.last_name", "");
        Map<String, String> put = new LinkedHashMap<>();
        put.put("username", "nina");
        put.put("first_name", "Nina");
        put.put("last_name", "Simone");
        assertThat(nina.put("/auth/user/").json(put).send())
                .hasStatus(200)
                .hasJsonPath("$.first_name", "Nina")
                .hasJsonPath("$.last_name", "Simone")
                .hasJsonPath("$.email", "nina@example.com");
        assertThat(nina.put("/auth/user/").json(Map.of("first_name", "N")).send())
                .as("PUT needs the username")
                .isProblem(400)
                .hasFieldError("username");
        assertThat(nina.patch("/auth/user/").json(Map.of("last_name", "Waymon")).send())
                .hasStatus(200)
                .hasJsonPath("$.first_name", "Nina")
                .hasJsonPath("$.last_name", "Waymon");
        assertThat(nina.patch("/auth/user/")
                        .json(Map.of("first_name", "x".repeat(151)))
                        .send())
                .isProblem(400)
                .hasFieldError("first_name");
    }

    @Test
    void aPasswordChangeNeedsNoOldPasswordByDefault() {
        String access = register(blog.client(), "owen").json().path("access").asText();
        Map<String, String> change = new LinkedHashMap<>();
        change.put("new_password1", "another horse battery");
        change.put("new_password2", "another horse battery");
        assertThat(blog.client()
                        .withJwt(access)
                        .post("/auth/password/change/")
                        .json(change)
                        .send())
                .hasStatus(200)
                .hasJson("{\"detail\":\"New password has been saved.\"}");
        assertThat(blog.client()
                        .post("/auth/login/")
                        .json(Map.of("username", "owen", "password", "another horse battery"))
                        .send())
                .hasStatus(200);
    }

    @Test
    void theTokenUrlsRefreshAndVerifyAsSimpleJwts() {
        JsonNode pair = register(blog.client(), "tom").json();
        TestResponse refreshed = blog.client()
                .post("/auth/token/refresh/")
                .json(Map.of("refresh", pair.path("refresh").asText()))
                .send();
        assertThat(refreshed).hasStatus(200).hasJsonPath("$.access");
        assertThat(blog.client()
                        .post("/auth/token/verify/")
                        .json(Map.of("token", pair.path("access").asText()))
                        .send())
                .hasStatus(200)
                .hasJson("{}");
        assertThat(blog.client()
                        .post("/auth/token/verify/")
                        .json(Map.of("token", "abc"))
                        .send())
                .isProblem(401)
                .hasCode("token_not_valid")
                .hasDetail("Token is invalid or expired");
        assertThat(blog.client()
                        .post("/auth/token/refresh/")
                        .json(Map.of("refresh", pair.path("refresh").asText()))
                        .send())
                .as("rotated: the refresh token is spent")
                .isProblem(401)
                .hasCode("token_not_valid");
    }

    @Test
    void anonymousJsonNeedsNoCsrfTokenButFormsAndForeignOriginsDo() {
        assertThat(register(blog.client(), "sam"))
                .as("an SPA or a mobile app signs up")
                .hasStatus(201);
        assertThat(blog.client()
                        .post("/auth/login/")
                        .json(Map.of("username", "sam", "password", "correct horse battery"))
                        .send())
                .as("and logs in")
                .hasStatus(200);

        assertThat(blog.client()
                        .post("/auth/login/")
                        .form(Map.of("username", "sam", "password", "correct horse battery"))
                        .send())
                .as("a form, which any site's page can post")
                .isProblem(403)
                .hasCode("csrf_failed");
        byte[] plain = "{\"username\":\"sam\",\"password\":\"correct horse battery\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(blog.client()
                        .post("/auth/login/")
                        .body("text/plain", plain)
                        .send()
                        .status())
                .as("text/plain, which a form can send too")
                .isNotEqualTo(200);
        assertThat(blog.client()
                        .post("/auth/login/")
                        .header("Origin", "https://evil.example")
                        .json(Map.of("username", "sam", "password", "correct horse battery"))
                        .send())
                .as("a foreign page's script, had CORS let it")
                .isProblem(403)
                .hasCode("csrf_failed");
        assertThat(blog.client()
                        .post("/auth/registration/")
                        .header("Sec-Fetch-Site", "cross-site")
                        .json(Map.of(
                                "username",
                                "sam2",
                                "password1",
                                "correct horse battery",
                                "password2",
                                "correct horse battery"))
                        .send())
                .isProblem(403)
                .hasCode("csrf_failed");
        assertThat(blog.client()
                        .post("/auth/login/")
                        .header("Origin", "http://127.0.0.1:" + blog.app.port())
                        .json(Map.of("username", "sam", "password", "correct horse battery"))
                        .send())
                .as("the site's own pages")
                .hasStatus(200);

        PorticoClient browser = blog.client().login("sam", "correct horse battery");
        assertThat(browser.post("/auth/login/")
                        .withoutCsrfToken()
                        .json(Map.of("username", "sam", "password", "correct horse battery"))
                        .send())
                .as("a session's request needs its token, JSON or not")
                .isProblem(403)
                .hasCode("csrf_failed");
    }
}
