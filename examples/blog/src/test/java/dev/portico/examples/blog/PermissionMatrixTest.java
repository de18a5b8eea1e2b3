package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.testing.Bodies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may do what in the example, over a real socket on H2 ({@link PermissionMatrixPostgresTest}: PostgreSQL):
 * anonymous callers, a user, another user, staff and a user's API key, across posts and employees. Published
 * posts are read by every signed-in user, drafts only by their author and staff, and posts are changed only by
 * their author or staff; employees are their owner's alone; keys reach employees only; no one reaches another
 * user's employees or drafts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String EMPLOYEE = "{\"name\":\"Ada\",\"department\":\"eng\",\"salary\":100,\"hire_date\":\"2020-01-15\"}";
    private BlogDatabases database;
    private PorticoConfig config;
    private Portico app;
    private String ada;
    private String bob;
    private String staff;
    private String adaKey;
    private long adaId;

    BlogDatabases database() throws Exception {
        return BlogDatabases.h2();
    }

    @BeforeAll
    void start() throws Exception {
        database = database();
        config = database.serverConfig();
        app = BlogApp.app(config).shutdownHook(false).build().start();
        adaId = BlogUsers.create(config, "ada", false).id();
        BlogUsers.create(config, "bob", false);
        BlogUsers.create(config, "boss", true);
        ada = "Bearer " + BlogUsers.token(app.port(), "ada");
        bob = "Bearer " + BlogUsers.token(app.port(), "bob");
        staff = "Bearer " + BlogUsers.token(app.port(), "boss");
        adaKey = BlogUsers.key(config, adaId);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    private HttpResponse<String> call(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> created) {
        return created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
    }

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousCallersAre401WithTheFirstSchemesChallengeAndNothingIsWritten() throws Exception {
        for (String path : new String[] {"/api/posts/", "/api/employees/"}) {
            HttpResponse<String> list = call("GET", path, null, null);
            assertThat(list.statusCode()).isEqualTo(401);
            assertThat(list.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
            assertThat(list.body()).contains("\"code\":\"not_authenticated\"");
        }
        int before = Bodies.json(call("GET", "/api/employees/", ada, null).body()).path("count").asInt();
        HttpResponse<String> anonymous = call("POST", "/api/employees/", null, EMPLOYEE);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Bodies.json(anonymous.body()).path("code").asText()).isEqualTo("not_authenticated");
        assertThat(Bodies.json(call("GET", "/api/employees/", ada, null).body()).path("count").asInt())
                .as("nothing written").isEqualTo(before);
        HttpResponse<String> created = call("POST", "/api/employees/", ada, EMPLOYEE);
        assertThat(Bodies.json(created.body()).path("owner").asLong()).as("the owner is set from the caller")
                .isEqualTo(adaId);
        JsonNode mine = Bodies.json(call("GET", "/api/employees/", ada, null).body()).path("results");
        assertThat(mine).isNotEmpty();
        assertThat(mine.findValuesAsText("owner")).containsOnly(Long.toString(adaId));
    }

    @Test
    void aBadBasicHeaderGetsTheFirstSchemesChallengeNotABasicPrompt() throws Exception {
        for (String bad : new String[] {basic("ada:wrong horse"), "Basic !!!", basic("bob:" + adaKey)}) {
            HttpResponse<String> refused = call("GET", "/api/employees/", bad, null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"api\"");
            assertThat(Bodies.json(refused.body()).path("code").asText()).isEqualTo("authentication_failed");
        }
    }

    @Test
    void postsAreReadByEveryoneSignedInAndChangedOnlyByTheirAuthorOrStaff() throws Exception {
        HttpResponse<String> created = call("POST", "/api/posts/", ada, "{\"title\":\"Ada's\",\"content\":\"x\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"owner\":" + adaId);
        String post = "/api/posts/" + id(created) + "/";
        assertThat(call("GET", post, bob, null).statusCode()).isEqualTo(200);
        HttpResponse<String> bobPatch = call("PATCH", post, bob, "{\"title\":\"Bob's now\"}");
        assertThat(bobPatch.statusCode()).isEqualTo(403);
        assertThat(bobPatch.body()).contains("You do not have permission to perform this action.");
        assertThat(call("DELETE", post, bob, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", post, ada, null).body()).as("nothing written by the refusals").contains("Ada's");
        assertThat(call("PATCH", post, ada, "{\"content\":\"edited\"}").statusCode()).isEqualTo(200);
        assertThat(call("PATCH", post, staff, "{\"content\":\"moderated\"}").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/posts/", ada, "{\"title\":\"x\",\"content\":\"y\",\"owner\":999}").statusCode())
                .as("the owner is the server's to set").isEqualTo(400);
        assertThat(call("DELETE", post, ada, null).statusCode()).isEqualTo(204);
    }

    @Test
    void aDraftIsSeenOnlyByItsAuthorAndStaffAndAPublishedPostByEveryone() throws Exception {
        HttpResponse<String> draft = call("POST", "/api/posts/", ada, "{\"title\":\"Ada's draft\",\"content\":\"x\","
                + "\"draft\":true}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        HttpResponse<String> published = call("POST", "/api/posts/", ada, "{\"title\":\"Ada's published\","
                + "\"content\":\"x\"}");
        String draftPath = "/api/posts/" + id(draft) + "/";
        String publishedPath = "/api/posts/" + id(published) + "/";

        HttpResponse<String> bobsLook = call("GET", draftPath, bob, null);
        assertThat(bobsLook.statusCode()).as("another user's draft is not found").isEqualTo(404);
        assertThat(call("PATCH", draftPath, bob, "{\"draft\":false}").statusCode()).isEqualTo(404);
        assertThat(call("DELETE", draftPath, bob, null).statusCode()).isEqualTo(404);
        assertThat(titles(call("GET", "/api/posts/?search=Ada", bob, null))).contains("Ada's published")
                .doesNotContain("Ada's draft");
        assertThat(call("GET", publishedPath, bob, null).statusCode()).isEqualTo(200);

        assertThat(call("GET", draftPath, ada, null).statusCode()).as("its author sees it").isEqualTo(200);
        assertThat(titles(call("GET", "/api/posts/?search=Ada", ada, null))).contains("Ada's draft", "Ada's published");
        assertThat(call("GET", draftPath, staff, null).statusCode()).as("staff see it").isEqualTo(200);
        assertThat(titles(call("GET", "/api/posts/?search=Ada", staff, null))).contains("Ada's draft");

        assertThat(call("PATCH", draftPath, ada, "{\"draft\":false}").statusCode()).isEqualTo(200);
        assertThat(call("GET", draftPath, bob, null).statusCode()).as("published now").isEqualTo(200);
    }

    private static java.util.List<String> titles(HttpResponse<String> list) {
        assertThat(list.statusCode()).isEqualTo(200);
        return Bodies.json(list.body()).path("results").findValuesAsText("title");
    }

    @Test
    void keysReachEmployeesButNotPosts() throws Exception {
        String header = "Api-Key " + adaKey;
        assertThat(call("GET", "/api/posts/", header, null).statusCode()).as("keys are not for posts").isEqualTo(401);
        HttpResponse<String> created = call("POST", "/api/employees/", header, EMPLOYEE);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String employee = "/api/employees/" + id(created) + "/";
        assertThat(call("GET", employee, ada, null).statusCode()).as("the key acts as its user").isEqualTo(200);
        String keyId = adaKey.split(":")[0];
        assertThat(call("GET", employee, basic("ada:" + adaKey), null).statusCode()).isEqualTo(200);
        assertThat(call("GET", employee, basic("bob:" + adaKey), null).statusCode())
                .as("a key under another user's name").isEqualTo(401);
        assertThat(call("GET", employee, basic("ada:" + BlogUsers.PASSWORD), null).statusCode()).isEqualTo(200);
        assertThat(call("GET", employee, "Api-Key " + keyId + ":wrong", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", employee, "Api-Key garbage", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", employee, "Bearer not.a.token", null).statusCode()).isEqualTo(401);
    }

    @Test
    void noOneReachesAnotherUsersEmployeesNotEvenStaff() throws Exception {
        HttpResponse<String> created = call("POST", "/api/employees/", ada, EMPLOYEE.replace("Ada", "Grace"));
        assertThat(created.statusCode()).isEqualTo(201);
        String employee = "/api/employees/" + id(created) + "/";
        for (String other : new String[] {bob, staff}) {
            assertThat(call("GET", employee, other, null).statusCode()).isEqualTo(404);
            assertThat(call("PATCH", employee, other, "{\"name\":\"Mine\"}").statusCode()).isEqualTo(404);
            assertThat(call("DELETE", employee, other, null).statusCode()).isEqualTo(404);
            assertThat(call("GET", "/api/employees/", other, null).body()).doesNotContain("Grace");
        }
        assertThat(call("GET", employee, ada, null).body()).contains("Grace");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() throws Exception {
        String key = BlogUsers.key(config, adaId);
        assertThat(call("GET", "/api/employees/", "Api-Key " + key, null).statusCode()).isEqualTo(200);
        BlogUsers.revoke(config, key);
        HttpResponse<String> refused = call("GET", "/api/employees/", "Api-Key " + key, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Bodies.json(refused.body())).isEqualTo(Bodies.json(
                "{\"detail\":\"Invalid API key.\",\"code\":\"authentication_failed\"}"));
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
        assertThat(call("GET", "/api/employees/", ada, null).statusCode()).as("only the key is refused")
                .isEqualTo(200);
    }
}
