package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.account.AccountSettings;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password reset and e-mail verification end to end, as dj-rest-auth 7.1 with allauth answers them: over the wire, the
 * mail read from a real SMTP server on loopback (GreenMail), its link followed the way a front end does (the uid, token
 * or key taken from it and posted), on a clock the test moves. Each test has users of its own.
 */
class AccountMailTest {
    private static MailedBlog blog;

    @BeforeAll
    static void start() {
        // the timing test alone sends 30 reset requests from one address, past auth.throttle's 30/min
        blog = MailedBlog.start(b -> b.set(AuthSettings.THROTTLE, "100000/min"));
    }

    @AfterAll
    static void stop() {
        blog.close();
    }

    /** Registers {@code name} (at name@example.com) over JSON, without a CSRF token, as an SPA or a mobile app does. */
    private static TestResponse register(PorticoClient client, String name) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", name);
        body.put("email", name + "@example.com");
        body.put("password1", "correct horse battery");
        body.put("password2", "correct horse battery");
        return client.post("/auth/registration/").json(body).send();
    }

    private static Map<String, String> confirm(String uid, String token, String password1, String password2) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("uid", uid);
        body.put("token", token);
        body.put("new_password1", password1);
        body.put("new_password2", password2);
        return body;
    }

    /** The uid and token of a reset link {@code <site>/auth/password/reset/confirm/<uid>/<token>/}. */
    private static String[] uidAndToken(String link) {
        assertThat(link)
                .startsWith(MailedBlog.SITE + "/auth/password/reset/confirm/")
                .endsWith("/");
        String[] parts = link.substring((MailedBlog.SITE + "/auth/password/reset/confirm/").length())
                .split("/");
        return new String[] {parts[0], parts[1]};
    }

    private static String[] requestReset(String name, int nth) throws Exception {
        assertThat(blog.client()
                        .post("/auth/password/reset/")
                        .json(Map.of("email", name + "@example.com"))
                        .send())
                .hasStatus(200)
                .hasJson("{\"detail\":\"Password reset e-mail has been sent.\"}");
        blog.awaitMail(name + "@example.com", nth);
        // the newest reset link: the registration's own mail is sent apart and may arrive after a reset's
        String reset = null;
        for (MimeMessage mail : blog.inbox(name + "@example.com")) {
            String link = MailedBlog.link(MailedBlog.text(mail));
            if (link.contains("/auth/password/reset/confirm/")) {
                reset = link;
            }
        }
        assertThat(reset).as("a reset link among the first " + nth + " mails").isNotNull();
        return uidAndToken(reset);
    }

    private static TestResponse login(String name, String password) {
        return blog.client()
                .post("/auth/login/")
                .json(Map.of("username", name, "password", password))
                .send();
    }

    @Test
    void registrationMailsAVerificationLinkWhoseKeyConfirmsTheAddress() throws Exception {
        TestResponse created = register(blog.client(), "vera");
        assertThat(created)
                .hasStatus(201)
                .hasJsonPath("$.user.username", "vera")
                .hasJsonPath("$.access")
                .hasJsonPath("$.refresh");
        MimeMessage mail = blog.awaitMail("vera@example.com", 1);
        assertThat(mail.getSubject()).isEqualTo("[Blog] Please confirm your e-mail address");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("blog@example.com");
        String link = MailedBlog.link(MailedBlog.text(mail));
        assertThat(link).startsWith(MailedBlog.SITE + "/auth/registration/account-confirm-email/");
        assertThat(MailedBlog.html(mail)).contains("href=\"" + link + "\"").contains("vera");
        String key = link.substring(link.lastIndexOf('/', link.length() - 2) + 1, link.length() - 1);

        assertThat(blog.client()
                        .post("/auth/registration/verify-email/")
                        .json(Map.of("key", key + "x"))
                        .send())
                .isProblem(404)
                .hasDetail("Not found.");
        Map<String, String> twin = new LinkedHashMap<>();
        twin.put("username", "vera2");
        twin.put("email", "vera@example.com");
        twin.put("password1", "correct horse battery");
        twin.put("password2", "correct horse battery");
        assertThat(blog.client().post("/auth/registration/").json(twin).send())
                .as("an unconfirmed address is free")
                .hasStatus(201);
        assertThat(blog.client()
                        .post("/auth/registration/verify-email/")
                        .json(Map.of("key", key))
                        .send())
                .hasStatus(200)
                .hasJson("{\"detail\":\"ok\"}");
        twin.put("username", "vera3");
        assertThat(blog.client().post("/auth/registration/").json(twin).send())
                .isProblem(400)
                .hasFieldError("email", "A user is already registered with this e-mail address.");
        assertThat(blog.client()
                        .post("/auth/registration/resend-email/")
                        .json(Map.of("email", "vera@example.com"))
                        .send())
                .hasStatus(200)
                .hasJson("{\"detail\":\"ok\"}");
        assertThat(blog.client()
                        .post("/auth/registration/resend-email/")
                        .json(Map.of("email", "nobody@example.com"))
                        .send())
                .as("the same answer for an unknown address")
                .hasStatus(200)
                .hasJson("{\"detail\":\"ok\"}");
        assertThat(blog.client()
                        .post("/auth/registration/resend-email/")
                        .json(Map.of("email", "nope"))
                        .send())
                .isProblem(400)
                .hasFieldError("email", "Enter a valid email address.");
        blog.awaitMail("vera@example.com", 3);
        Thread.sleep(300);
        assertThat(blog.inbox("vera@example.com"))
                .as("vera's and vera2's; a confirmed address gets no new one, "
                        + "vera2's unconfirmed account one more")
                .hasSize(3);
        assertThat(blog.inbox("nobody@example.com")).isEmpty();
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySessionTokenAndKey() throws Exception {
        TestResponse created = register(blog.client(), "rhea");
        String access = created.json().path("access").asText();
        PorticoClient browser = blog.client();
        assertThat(browser.post("/auth/login/")
                        .json(Map.of("email", "RHEA@example.com", "password", "correct horse battery"))
                        .send())
                .hasStatus(200);
        PorticoClient jwt = blog.client().withJwt(access);
        String key;
        try (TestAccounts accounts = TestAccounts.on(blog.app.config())) {
            key = accounts.apiKey(accounts.accounts().users().find("rhea").orElseThrow());
        }
        assertThat(blog.client().get("/api/employees/").withApiKey(key).send()).hasStatus(200);

        assertThat(blog.client()
                        .post("/auth/password/reset/")
                        .json(Map.of("email", "nobody@example.com"))
                        .send())
                .as("an unknown address answers the same")
                .hasStatus(200)
                .hasJson("{\"detail\":\"Password reset e-mail has been sent.\"}");
        String[] link = requestReset("rhea", 2); // the first e-mail was the verification
        MimeMessage mail = blog.inbox("rhea@example.com").get(1);
        assertThat(mail.getSubject()).isEqualTo("[Blog] Password reset e-mail");
        assertThat(MailedBlog.text(mail)).contains("your username is rhea").contains("3 days");
        assertThat(blog.inbox("nobody@example.com")).isEmpty();

        assertThat(blog.client()
                        .post("/auth/password/reset/confirm/")
                        .json(confirm(link[0], link[1], "new horse battery", "new hose battery"))
                        .send())
                .isProblem(400)
                .hasFieldError("new_password2", "The two password fields didn’t match.");
        assertThat(blog.client()
                        .post("/auth/password/reset/confirm/")
                        .json(confirm("Zm9v", link[1], "new horse battery", "new horse battery"))
                        .send())
                .isProblem(400)
                .hasFieldError("uid", "Invalid value");
        assertThat(blog.client()
                        .post("/auth/password/reset/confirm/")
                        .json(confirm(link[0], link[1] + "x", "new horse battery", "new horse battery"))
                        .send())
                .isProblem(400)
                .hasFieldError("token", "Invalid value");
        assertThat(blog.client()
                        .post("/auth/password/reset/confirm/")
                        .json(confirm(link[0], link[1], "new horse battery", "new horse battery"))
                        .send())
                .as("a refused password did not spend the link")
                .hasStatus(200)
                .hasJson("{\"detail\":\"Password has been reset with the new password.\"}");

        assertThat(blog.client()
                        .post("/auth/password/reset/confirm/")
                        .json(confirm(link[0], link[1], "third horse battery", "third horse battery"))
                        .send())
                .as("the link works once")
                .isProblem(400)
                .hasFieldError("token", "Invalid value");
        assertThat(jwt.get("/auth/user/").send()).as("the access token ended").isProblem(401);
        assertThat(browser.get("/auth/user/").send()).as("the session ended").isProblem(401);
        assertThat(blog.client().get("/api/employees/").withApiKey(key).send())
                .as("the API key revoked")
                .isProblem(401);
        assertThat(login("rhea", "correct horse battery")).isProblem(400);
        assertThat(login("rhea", "new horse battery")).hasStatus(200);
    }

    /**
     * The answer takes as long whether or not the address has an account: the lookup, the token and the SMTP
     * conversation all happen after it. Medians of 15 requests each, printed; the bound is loose for a shared machine.
     */
    @Test
    void aResetRequestTakesAsLongForAnUnknownAddress() throws Exception {
        register(blog.client(), "tina");
        PorticoClient client = blog.client();
        long[] known = new long[15];
        long[] unknown = new long[15];
        for (int i = 0; i < known.length; i++) { // the order alternates, so neither follows the other's mail always
            if (i % 2 == 0) {
                known[i] = timed(client, "tina@example.com");
                unknown[i] = timed(client, "nobody" + i + "@example.com");
            } else {
                unknown[i] = timed(client, "nobody" + i + "@example.com");
                known[i] = timed(client, "tina@example.com");
            }
        }
        java.util.Arrays.sort(known);
        java.util.Arrays.sort(unknown);
        long k = known[known.length / 2];
        long u = unknown[unknown.length / 2];
        System.out.printf(
                "password/reset/ median: %.2f ms for an account's address, %.2f ms for an unknown one%n",
                k / 1e6, u / 1e6);
        assertThat(Math.abs(k - u))
                .as("medians %d ns and %d ns", k, u)
                .isLessThan(Duration.ofMillis(25).toNanos());
        blog.awaitMail("tina@example.com", 16); // the verification and the 15 resets, all sent after the answers
    }

    private static long timed(PorticoClient client, String email) {
        long start = System.nanoTime();
        assertThat(client.post("/auth/password/reset/")
                        .json(Map.of("email", email))
                        .send())
                .hasStatus(200);
        return System.nanoTime() - start;
    }

    @Test
    void aResetLinkExpiresAfterThePasswordResetTimeoutAndDiesAtALogin() throws Exception {
        register(blog.client(), "tess");
        String[] first = requestReset("tess", 2);
        blog.clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertThat(blog.client()
                        .post("/auth/password/reset/confirm/")
                        .json(confirm(first[0], first[1], "new horse battery", "new horse battery"))
                        .send())
                .as("expired")
                .isProblem(400)
                .hasFieldError("token", "Invalid value");

        String[] second = requestReset("tess", 3);
        blog.clock.advance(Duration.ofDays(3).minusSeconds(5));
        assertThat(login("tess", "correct horse battery")).hasStatus(200);
        assertThat(blog.client()
                        .post("/auth/password/reset/confirm/")
                        .json(confirm(second[0], second[1], "new horse battery", "new horse battery"))
                        .send())
                .as("a login since")
                .isProblem(400)
                .hasFieldError("token", "Invalid value");

        String[] third = requestReset("tess", 4);
        assertThat(blog.client()
                        .post("/auth/password/reset/confirm/")
                        .json(confirm(third[0], third[1], "new horse battery", "new horse battery"))
                        .send())
                .hasStatus(200);
    }

    @Test
    void withMandatoryVerificationRegistrationLogsNoOneInAndLoginWaitsForTheConfirmation() throws Exception {
        try (MailedBlog strict = MailedBlog.start(AccountSettings.EmailVerification.MANDATORY)) {
            PorticoClient client = strict.client();
            assertThat(strict.client()
                            .post("/auth/registration/")
                            .json(Map.of(
                                    "username",
                                    "nomail",
                                    "password1",
                                    "correct horse battery",
                                    "password2",
                                    "correct horse battery"))
                            .send())
                    .isProblem(400)
                    .hasFieldError("email", "This field is required.");
            assertThat(register(client, "mona"))
                    .hasStatus(201)
                    .hasJson("{\"detail\":\"Verification e-mail sent.\"}")
                    .doesNotSetCookie("sessionid");
            TestResponse refused = strict.client()
                    .post("/auth/login/")
                    .json(Map.of("username", "mona", "password", "correct horse battery"))
                    .send();
            assertThat(refused)
                    .isProblem(400)
                    .hasFieldError("non_field_errors", "E-mail is not verified.")
                    .hasErrorsOnlyOn("non_field_errors");
            assertThat(refused).doesNotSetCookie("sessionid");
            String link = MailedBlog.link(MailedBlog.text(strict.awaitMail("mona@example.com", 1)));
            String key = link.substring(link.lastIndexOf('/', link.length() - 2) + 1, link.length() - 1);
            assertThat(strict.client()
                            .post("/auth/registration/verify-email/")
                            .json(Map.of("key", key))
                            .send())
                    .hasStatus(200);
            assertThat(strict.client()
                            .post("/auth/login/")
                            .json(Map.of("username", "mona", "password", "correct horse battery"))
                            .send())
                    .hasStatus(200)
                    .hasJsonPath("$.user.username", "mona")
                    .setsCookie("sessionid");

            strict.clock.advance(Duration.ofDays(3).plusSeconds(1));
            assertThat(strict.client()
                            .post("/auth/registration/verify-email/")
                            .json(Map.of("key", key))
                            .send())
                    .as("a key expires")
                    .isProblem(404);
        }
    }
}
