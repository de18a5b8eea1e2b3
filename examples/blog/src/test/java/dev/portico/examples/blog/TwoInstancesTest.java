package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.User;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's shared state: two instances of the example on one database, as behind a load balancer without sticky
 * sessions, in-process (the wire adds nothing to what is shared; {@code bench/reliability} runs them behind nginx).
 * What one instance does (log in, rotate a refresh token, log out everywhere, revoke a key) holds on the other at
 * once, because sessions, refresh families, the revocation epoch and keys live only in the database.
 */
@PorticoTest
class TwoInstancesTest {
    private static TestAccounts accounts;
    /** The second instance, on the class's database; the class's own app is the first. */
    private static Portico b;

    @App
    static Portico app(TestSetup setup) {
        BlogTesting.Built built = BlogTesting.app(setup);
        accounts = built.accounts();
        b = BlogApp.app(built.app().config()).shutdownHook(false).build();
        AutoCloseable stopB = b::stop;
        setup.closeAfterAll(stopB);
        return built.app();
    }

    private static Map<String, String> password(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    @Test
    void aSessionAndItsCsrfTokenFromOneInstanceWorkOnTheOtherUntilLogout(PorticoClient onA) {
        accounts.createUser("sam");
        onA.login("sam", TestAccounts.PASSWORD);
        String session = onA.cookies().get("sessionid").orElseThrow();
        PorticoClient onB = onA.on(b); // one browser, its requests balanced across both
        assertThat(onB.get("/auth/user/").send()).hasStatus(200).hasJsonPath("$.username", "sam");
        assertThat(onB.post("/api/posts/")
                        .json("{\"title\":\"from b\",\"content\":\"c\"}")
                        .send())
                .as("B accepts A's session and A's CSRF secret")
                .hasStatus(201);

        assertThat(onB.post("/auth/logout/").json("{}").send()).hasStatus(200).clearsCookie("sessionid");
        assertThat(onA.fork()
                        .logout()
                        .get("/auth/user/")
                        .cookie("sessionid", session)
                        .send())
                .as("logged out on B, so the session is gone on A too")
                .isProblem(401);
    }

    @Test
    void refreshFamiliesAndLogoutEverywhereHoldAcrossInstances(PorticoClient onA) {
        accounts.createUser("tess");
        PorticoClient onB = onA.fork().on(b);
        TestResponse pair = onA.post("/auth/obtain_token/")
                .json(password("tess", TestAccounts.PASSWORD))
                .send();
        String refresh = pair.json().path("refresh").asText();
        assertThat(onB.get("/api/posts/")
                        .withJwt(pair.json().path("access").asText())
                        .send())
                .hasStatus(200);

        TestResponse rotated = onB.post("/auth/refresh_token/")
                .json(Map.of("refresh", refresh))
                .send();
        assertThat(rotated).hasStatus(200);
        assertThat(onA.post("/auth/refresh_token/")
                        .json(Map.of("refresh", refresh))
                        .send())
                .as("spent on B, so refused on A (and its family revoked)")
                .isProblem(401);
        String next = rotated.json().path("refresh").asText();
        assertThat(onB.post("/auth/refresh_token/")
                        .json(Map.of("refresh", next))
                        .send())
                .as("the whole family is revoked, on every instance")
                .isProblem(401);

        String fresh = onB.post("/auth/obtain_token/")
                .json(password("tess", TestAccounts.PASSWORD))
                .send()
                .json()
                .path("access")
                .asText();
        assertThat(onA.post("/auth/logout_everywhere/")
                        .withJwt(fresh)
                        .json("{}")
                        .send())
                .hasStatus(200);
        assertThat(onB.get("/api/posts/").withJwt(fresh).send())
                .as("logged out everywhere on A: B refuses the token at once")
                .isProblem(401);
    }

    @Test
    void aKeyRevokedIsRefusedByEveryInstanceAtOnce(PorticoClient onA) {
        User kim = accounts.createUser("kim");
        String key = accounts.apiKey(kim);
        PorticoClient onB = onA.fork().on(b);
        for (PorticoClient instance : new PorticoClient[] {onA, onB}) {
            assertThat(instance.get("/api/employees/").withApiKey(key).send()).hasStatus(200);
        }
        ApiKeys.create(accounts.accounts()).revoke(key.split(":")[0]);
        for (PorticoClient instance : new PorticoClient[] {onA, onB}) {
            assertThat(instance.get("/api/employees/").withApiKey(key).send()).isProblem(401);
        }
    }
}
