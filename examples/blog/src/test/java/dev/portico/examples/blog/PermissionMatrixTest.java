package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.User;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in the example, in-process on H2 ({@link PermissionMatrixPostgresTest}: PostgreSQL): anonymous
 * callers, a user, another user, staff and a user's API key, across posts and employees. Published posts are read by
 * every signed-in user, drafts only by their author and staff, and posts are changed only by their author or staff;
 * employees are their owner's alone; keys reach employees only; no one reaches another user's employees or drafts.
 */
@PorticoTest
class PermissionMatrixTest {
    private static final String EMPLOYEE =
            "{\"name\":\"Ada\",\"department\":\"eng\",\"salary\":100,\"hire_date\":\"2020-01-15\"}";
    private static TestAccounts accounts;
    private static User adaUser;
    private static String adaKey;
    private PorticoClient anonymous;
    private PorticoClient ada;
    private PorticoClient bob;
    private PorticoClient staff;

    @App
    static Portico app(TestSetup setup) {
        BlogTesting.Built built = BlogTesting.app(setup);
        accounts = built.accounts();
        return built.app();
    }

    @BeforeAll
    static void users() {
        adaUser = accounts.createUser("ada");
        accounts.createUser("bob");
        accounts.createStaff("boss");
        adaKey = accounts.apiKey(adaUser);
    }

    @BeforeEach
    void clients(PorticoClient client) {
        anonymous = client;
        ada = client.fork().as(adaUser);
        bob = client.fork().as("bob");
        staff = client.fork().as("boss");
    }

    private static String id(TestResponse created) {
        return created.json().path("id").asText();
    }

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int count(PorticoClient who, String path) {
        return who.get(path).send().json().path("count").asInt();
    }

    @Test
    void anonymousCallersAre401WithTheFirstSchemesChallengeAndNothingIsWritten() {
        for (String path : new String[] {"/api/posts/", "/api/employees/"}) {
            assertThat(anonymous.get(path).send())
                    .isProblem(401)
                    .hasCode("not_authenticated")
                    .hasHeader("WWW-Authenticate", "Bearer realm=\"api\"");
        }
        int before = count(ada, "/api/employees/");
        assertThat(anonymous.post("/api/employees/").json(EMPLOYEE).send())
                .isProblem(401)
                .hasCode("not_authenticated");
        assertThat(count(ada, "/api/employees/")).as("nothing written").isEqualTo(before);
        assertThat(ada.post("/api/employees/").json(EMPLOYEE).send())
                .as("the owner is set from the caller")
                .hasJsonPath("$.owner", adaUser.id());
        TestResponse mine = ada.get("/api/employees/").send();
        assertThat(mine).hasJsonPath("$.results[0]");
        assertThat(mine.json().path("results").findValuesAsText("owner")).containsOnly(Long.toString(adaUser.id()));
    }

    @Test
    void aBadBasicHeaderGetsTheFirstSchemesChallengeNotABasicPrompt() {
        for (String bad : new String[] {basic("ada:wrong horse"), "Basic !!!", basic("bob:" + adaKey)}) {
            TestResponse refused = anonymous
                    .get("/api/employees/")
                    .header("Authorization", bad)
                    .send();
            assertThat(refused).isProblem(401).hasCode("authentication_failed");
            assertThat(refused.headers("WWW-Authenticate")).containsExactly("Bearer realm=\"api\"");
        }
    }

    @Test
    void postsAreReadByEveryoneSignedInAndChangedOnlyByTheirAuthorOrStaff() {
        TestResponse created = ada.post("/api/posts/")
                .json("{\"title\":\"Ada's\",\"content\":\"x\"}")
                .send();
        assertThat(created).hasStatus(201).hasJsonPath("$.owner", adaUser.id());
        String post = "/api/posts/" + id(created) + "/";
        assertThat(bob.get(post).send()).hasStatus(200);
        assertThat(bob.patch(post).json("{\"title\":\"Bob's now\"}").send())
                .isProblem(403)
                .hasDetail("You do not have permission to perform this action.");
        assertThat(bob.delete(post).send()).hasStatus(403);
        assertThat(ada.get(post).send()).as("nothing written by the refusals").hasJsonPath("$.title", "Ada's");
        assertThat(ada.patch(post).json("{\"content\":\"edited\"}").send()).hasStatus(200);
        assertThat(staff.patch(post).json("{\"content\":\"moderated\"}").send()).hasStatus(200);
        assertThat(ada.post("/api/posts/")
                        .json("{\"title\":\"x\",\"content\":\"y\",\"owner\":999}")
                        .send())
                .as("the owner is the server's to set")
                .isProblem(400)
                .hasFieldError("owner");
        assertThat(ada.delete(post).send()).hasStatus(204);
    }

    @Test
    void aDraftIsSeenOnlyByItsAuthorAndStaffAndAPublishedPostByEveryone() {
        TestResponse draft = ada.post("/api/posts/")
                .json("{\"title\":\"Ada's draft\",\"content\":\"x\",\"draft\":true}")
                .send();
        assertThat(draft).hasStatus(201);
        TestResponse published = ada.post("/api/posts/")
                .json("{\"title\":\"Ada's published\",\"content\":\"x\"}")
                .send();
        String draftPath = "/api/posts/" + id(draft) + "/";
        String publishedPath = "/api/posts/" + id(published) + "/";

        assertThat(bob.get(draftPath).send())
                .as("another user's draft is not found")
                .isProblem(404);
        assertThat(bob.patch(draftPath).json("{\"draft\":false}").send()).hasStatus(404);
        assertThat(bob.delete(draftPath).send()).hasStatus(404);
        assertThat(titles(bob)).contains("Ada's published").doesNotContain("Ada's draft");
        assertThat(bob.get(publishedPath).send()).hasStatus(200);

        assertThat(ada.get(draftPath).send()).as("its author sees it").hasStatus(200);
        assertThat(titles(ada)).contains("Ada's draft", "Ada's published");
        assertThat(staff.get(draftPath).send()).as("staff see it").hasStatus(200);
        assertThat(titles(staff)).contains("Ada's draft");

        assertThat(ada.patch(draftPath).json("{\"draft\":false}").send()).hasStatus(200);
        assertThat(bob.get(draftPath).send()).as("published now").hasStatus(200);
    }

    private static List<String> titles(PorticoClient who) {
        TestResponse list = who.get("/api/posts/").query("search", "Ada").send();
        assertThat(list).hasStatus(200);
        return list.json().path("results").findValuesAsText("title");
    }

    @Test
    void keysReachEmployeesButNotPosts() {
        PorticoClient key = anonymous.fork().withApiKey(adaKey);
        assertThat(key.get("/api/posts/").send()).as("keys are not for posts").hasStatus(401);
        TestResponse created = key.post("/api/employees/").json(EMPLOYEE).send();
        assertThat(created).hasStatus(201);
        String employee = "/api/employees/" + id(created) + "/";
        assertThat(ada.get(employee).send()).as("the key acts as its user").hasStatus(200);
        String keyId = adaKey.split(":")[0];
        assertThat(anonymous
                        .get(employee)
                        .header("Authorization", basic("ada:" + adaKey))
                        .send())
                .hasStatus(200);
        assertThat(anonymous
                        .get(employee)
                        .header("Authorization", basic("bob:" + adaKey))
                        .send())
                .as("a key under another user's name")
                .hasStatus(401);
        assertThat(anonymous
                        .get(employee)
                        .header("Authorization", basic("ada:" + TestAccounts.PASSWORD))
                        .send())
                .hasStatus(200);
        assertThat(anonymous.get(employee).withApiKey(keyId + ":wrong").send()).hasStatus(401);
        assertThat(anonymous.get(employee).withApiKey("garbage").send()).hasStatus(401);
        assertThat(anonymous.get(employee).withJwt("not.a.token").send()).hasStatus(401);
    }

    @Test
    void noOneReachesAnotherUsersEmployeesNotEvenStaff() {
        TestResponse created = ada.post("/api/employees/")
                .json(EMPLOYEE.replace("Ada", "Grace"))
                .send();
        assertThat(created).hasStatus(201);
        String employee = "/api/employees/" + id(created) + "/";
        for (PorticoClient other : List.of(bob, staff)) {
            assertThat(other.get(employee).send()).hasStatus(404);
            assertThat(other.patch(employee).json("{\"name\":\"Mine\"}").send()).hasStatus(404);
            assertThat(other.delete(employee).send()).hasStatus(404);
            assertThat(other.get("/api/employees/").send().text()).doesNotContain("Grace");
        }
        assertThat(ada.get(employee).send()).hasJsonPath("$.name", "Grace");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        String key = accounts.apiKey(adaUser);
        assertThat(anonymous.get("/api/employees/").withApiKey(key).send()).hasStatus(200);
        dev.portico.auth.keys.ApiKeys.create(accounts.accounts()).revoke(key.split(":")[0]);
        assertThat(anonymous.get("/api/employees/").withApiKey(key).send())
                .isProblem(401)
                .hasJson("{\"detail\":\"Invalid API key.\",\"code\":\"authentication_failed\"}")
                .hasHeader("WWW-Authenticate", "Bearer realm=\"api\"");
        assertThat(ada.get("/api/employees/").send())
                .as("only the key is refused")
                .hasStatus(200);
    }
}
