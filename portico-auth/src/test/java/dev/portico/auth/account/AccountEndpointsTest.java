package dev.portico.auth.account;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.auth.Browser;
import dev.portico.auth.MutableClock;
import dev.portico.auth.SessionTestApp;
import dev.portico.auth.accounts.User;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import dev.portico.testing.Bodies;
import dev.portico.testing.TestRequest;

/** dj-rest-auth's endpoints on H2 and PostgreSQL: register, login, user, patch, password change, and the schema. */
class AccountEndpointsTest {

    private static JsonNode errors(Response response) {
        assertThat(response.status()).isEqualTo(400);
        return json(response).get("errors");
    }

    private static Browser withCsrf(SessionTestApp t) {
        Browser browser = t.browser();
        browser.send(TestRequest.get("/auth/csrf/"));
        return browser;
    }

    @DatabaseTest
    void registerCreatesTheAccountLogsItInAndNeverShowsTheHash(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            Browser browser = withCsrf(t);
            Response created = browser.json(
                    "POST",
                    "/auth/registration/",
                    "{\"username\":\"ada\",\"email\":\"ada@example.com\","
                            + "\"password1\":\"correct horse\",\"password2\":\"correct horse\"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(json(created).get("username").asText()).isEqualTo("ada");
            assertThat(json(created).get("email").asText()).isEqualTo("ada@example.com");
            assertThat(Bodies.text(created))
                    .doesNotContain("argon2")
                    .doesNotContain("password")
                    .doesNotContain("correct");
            assertThat(browser.hasCookie("sessionid")).isTrue();
            assertThat(json(browser.send(TestRequest.get("/auth/user/")))
                            .get("username")
                            .asText())
                    .isEqualTo("ada");

            Browser other = withCsrf(t);
            assertThat(errors(other.json(
                                    "POST",
                                    "/auth/registration/",
                                    "{\"username\":\"ada\",\"password1\":\"another one\","
                                            + "\"password2\":\"another one\"}"))
                            .get("username")
                            .get(0)
                            .asText())
                    .isEqualTo("A user with that username already exists.");
            assertThat(errors(other.json(
                                    "POST",
                                    "/auth/registration/",
                                    "{\"username\":\"bob\",\"password1\":\"correct horse\","
                                            + "\"password2\":\"correct hose\"}"))
                            .get("non_field_errors")
                            .get(0)
                            .asText())
                    .isEqualTo("The two password fields didn’t match.");
            assertThat(errors(other.json(
                                    "POST",
                                    "/auth/registration/",
                                    "{\"username\":\"bob\",\"password1\":\"short\"," + "\"password2\":\"short\"}"))
                            .get("password1")
                            .get(0)
                            .asText())
                    .startsWith("This password is too short.");
            JsonNode missing = errors(other.json("POST", "/auth/registration/", "{\"username\":\"bob\"}"));
            assertThat(missing.has("password1")).isTrue();
            assertThat(t.accounts.users().find("bob")).isEmpty();
            Response foreign = t.browser()
                    .send(TestRequest.of("POST", "/auth/registration/")
                            .header("Origin", "https://evil.example")
                            .json("{\"username\":\"mallory\",\"password1\":\"correct horse\","
                                    + "\"password2\":\"correct horse\"}"));
            assertThat(foreign.status()).as("JSON from a foreign page").isEqualTo(403);
            Response anonymousJson = t.browser()
                    .send(TestRequest.of("POST", "/auth/registration/")
                            .json("{\"username\":\"mallory\",\"password1\":\"correct"
                                    + " horse\",\"password2\":\"correct horse\"}"));
            assertThat(anonymousJson.status())
                    .as("anonymous JSON needs no CSRF token, as DRF")
                    .isEqualTo(201);
        }
    }

    @DatabaseTest
    void thePorticoLayoutKeepsRegistrationAtRegister(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(
                test,
                MutableClock.startingNow(),
                b -> b.set(AccountSettings.URL_LAYOUT, AccountSettings.UrlLayout.PORTICO))) {
            String body = "{\"username\":\"ada\",\"password1\":\"correct horse\",\"password2\":\"correct horse\"}";
            assertThat(t.browser().json("POST", "/auth/registration/", body).status())
                    .isEqualTo(404);
            assertThat(t.browser().json("POST", "/auth/register/", body).status())
                    .isEqualTo(201);
            assertThat(t.browser()
                            .json("POST", "/auth/register/resend-email/", "{\"email\":\"ada@example.com\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @DatabaseTest
    void badCredentialsAreDjRestAuthsNonFieldError(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Browser browser = withCsrf(t);
            for (String body : new String[] {
                "{\"username\":\"ada\",\"password\":\"wrong horse\"}",
                "{\"username\":\"nobody\",\"password\":\"wrong horse\"}"
            }) {
                Response refused = browser.json("POST", "/auth/login/", body);
                assertThat(errors(refused).get("non_field_errors").get(0).asText())
                        .isEqualTo("Unable to log in with provided credentials.");
                assertThat(browser.hasCookie("sessionid")).isFalse();
            }
            assertThat(errors(browser.json("POST", "/auth/login/", "{\"username\":\"ada\"}"))
                            .has("password"))
                    .isTrue();
        }
    }

    @DatabaseTest
    void theUserMayChangeTheirUsernameAndEmailButNothingElse(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            t.user("bob");
            assertThat(t.browser().send(TestRequest.get("/auth/user/")).status())
                    .isEqualTo(403);
            Browser browser = t.loggedIn("ada");
            Response patched = browser.json("PATCH", "/auth/user/", "{\"email\":\"lovelace@example.com\"}");
            assertThat(patched.status()).isEqualTo(200);
            assertThat(json(patched).get("email").asText()).isEqualTo("lovelace@example.com");
            assertThat(json(patched).get("username").asText()).isEqualTo("ada");
            assertThat(json(browser.json("PATCH", "/auth/user/", "{\"username\":\"lovelace\"}"))
                            .get("username")
                            .asText())
                    .isEqualTo("lovelace");
            assertThat(errors(browser.json("PATCH", "/auth/user/", "{\"username\":\"bob\"}"))
                            .get("username")
                            .get(0)
                            .asText())
                    .isEqualTo("A user with that username already exists.");
            assertThat(errors(browser.json("PATCH", "/auth/user/", "{\"email\":\"nope\"}"))
                            .has("email"))
                    .isTrue();
            for (String field : new String[] {"staff", "is_staff", "superuser", "active", "auth_epoch", "pk"}) {
                assertThat(browser.json("PATCH", "/auth/user/", "{\"" + field + "\":true}")
                                .status())
                        .as(field)
                        .isEqualTo(400);
            }
            User now = t.accounts.users().find(ada.id()).orElseThrow();
            assertThat(now.staff()).isFalse();
            assertThat(now.superuser()).isFalse();
            assertThat(now.username()).isEqualTo("lovelace");
        }
    }

    @DatabaseTest
    void aPasswordChangeChecksTheOldOneAndTheTwoNewOnes(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(
                test, MutableClock.startingNow(), b -> b.set(AccountSettings.OLD_PASSWORD_REQUIRED, true))) {
            User ada = t.user("ada");
            Browser browser = t.loggedIn("ada");
            String before = browser.cookie("sessionid");
            assertThat(errors(browser.json(
                                    "POST",
                                    "/auth/password/change/",
                                    "{\"new_password1\":\"another horse\"," + "\"new_password2\":\"another horse\"}"))
                            .get("old_password")
                            .get(0)
                            .asText())
                    .isEqualTo("This field is required.");
            assertThat(errors(browser.json(
                                    "POST",
                                    "/auth/password/change/",
                                    "{\"old_password\":\"wrong horse\",\"new_password1\":\"another"
                                            + " horse\",\"new_password2\":\"another horse\"}"))
                            .get("old_password")
                            .get(0)
                            .asText())
                    .isEqualTo("Your old password was entered incorrectly. Please enter it again.");
            assertThat(errors(browser.json(
                                    "POST",
                                    "/auth/password/change/",
                                    "{\"old_password\":\"" + SessionTestApp.PASSWORD
                                            + "\",\"new_password1\":\"another"
                                            + " horse\",\"new_password2\":\"another hose\"}"))
                            .get("new_password2")
                            .get(0)
                            .asText())
                    .isEqualTo("The two password fields didn’t match.");
            assertThat(errors(browser.json(
                                    "POST",
                                    "/auth/password/change/",
                                    "{\"old_password\":\"" + SessionTestApp.PASSWORD
                                            + "\",\"new_password1\":\"12345678\",\"new_password2\":\"12345678\"}"))
                            .get("new_password2")
                            .toString())
                    .as("every reason, in Django's order")
                    .isEqualTo("[\"This password is too common.\",\"This password is entirely numeric.\"]");
            long epoch = t.accounts.users().find(ada.id()).orElseThrow().authEpoch();

            Response changed = browser.json(
                    "POST",
                    "/auth/password/change/",
                    "{\"old_password\":\"" + SessionTestApp.PASSWORD
                            + "\",\"new_password1\":\"another horse\",\"new_password2\":\"another horse\"}");
            assertThat(changed.status()).isEqualTo(200);
            assertThat(json(changed).get("detail").asText()).isEqualTo("New password has been saved.");
            assertThat(t.accounts.users().find(ada.id()).orElseThrow().authEpoch())
                    .isEqualTo(epoch + 1);
            assertThat(browser.cookie("sessionid"))
                    .as("re-issued with the new epoch")
                    .isNotEqualTo(before);
            assertThat(browser.send(TestRequest.get("/auth/user/")).status()).isEqualTo(200);
            assertThat(t.accounts.users().authenticate("ada", "another horse")).isPresent();
            Response unchecked = browser.send(
                    TestRequest.of("POST", "/auth/password/change/").json("{}"));
            assertThat(json(unchecked).get("code").asText()).isEqualTo("csrf_failed");
        }
    }

    @DatabaseTest
    void logoutEverywhereEndsEverySessionOfTheUserThisOneIncluded(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            t.user("bob");
            Browser laptop = t.loggedIn("ada");
            Browser phone = t.loggedIn("ada");
            Browser bobs = t.loggedIn("bob");
            long epoch = t.accounts.users().find(ada.id()).orElseThrow().authEpoch();
            Response unchecked = laptop.send(
                    TestRequest.of("POST", "/auth/logout_everywhere/").json("{}"));
            assertThat(json(unchecked).get("code").asText())
                    .as("a session's POST needs its CSRF token")
                    .isEqualTo("csrf_failed");
            assertThat(phone.send(TestRequest.get("/auth/user/")).status()).isEqualTo(200);

            Response out = laptop.json("POST", "/auth/logout_everywhere/", "{}");
            assertThat(out.status()).isEqualTo(200);
            assertThat(json(out).get("detail").asText()).isEqualTo("Successfully logged out.");
            assertThat(t.accounts.users().find(ada.id()).orElseThrow().authEpoch())
                    .isEqualTo(epoch + 1);
            assertThat(t.sessions.count(ada.id())).isZero();
            assertThat(laptop.hasCookie("sessionid"))
                    .as("this session's cookie cleared")
                    .isFalse();
            assertThat(phone.send(TestRequest.get("/auth/user/")).status())
                    .as("the other session ended too")
                    .isEqualTo(403);
            assertThat(bobs.send(TestRequest.get("/auth/user/")).status())
                    .as("another user's goes on")
                    .isEqualTo(200);
            assertThat(t.browser()
                            .send(TestRequest.of("POST", "/auth/logout_everywhere/")
                                    .json("{}"))
                            .status())
                    .as("anonymous")
                    .isEqualTo(403);
        }
    }

    @DatabaseTest
    void theOpenApiDocumentNamesEachOperationAndNeverAHash(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            JsonNode doc = json(t.browser().send(TestRequest.get("/api/schema/?format=json")));
            JsonNode paths = doc.get("paths");
            assertThat(paths.get("/auth/csrf/").get("get").get("operationId").asText())
                    .isEqualTo("retrieveCsrfToken");
            assertThat(paths.get("/auth/registration/")
                            .get("post")
                            .get("operationId")
                            .asText())
                    .isEqualTo("register");
            assertThat(paths.get("/auth/login/").get("post").get("operationId").asText())
                    .isEqualTo("login");
            assertThat(paths.get("/auth/logout/").get("post").get("operationId").asText())
                    .isEqualTo("logout");
            assertThat(paths.get("/auth/logout_everywhere/")
                            .get("post")
                            .get("operationId")
                            .asText())
                    .isEqualTo("logoutEverywhere");
            assertThat(paths.get("/auth/user/").get("get").get("operationId").asText())
                    .isEqualTo("retrieveCurrentUser");
            assertThat(paths.get("/auth/user/").get("patch").get("operationId").asText())
                    .isEqualTo("partialUpdateCurrentUser");
            assertThat(paths.get("/auth/password/change/")
                            .get("post")
                            .get("operationId")
                            .asText())
                    .isEqualTo("changePassword");
            assertThat(paths.get("/auth/login/").get("post").get("summary").asText())
                    .isEqualTo("Log in");
            assertThat(paths.get("/auth/registration/")
                            .get("post")
                            .get("responses")
                            .has("201"))
                    .isTrue();
            JsonNode schemas = doc.get("components").get("schemas");
            assertThat(schemas.get("UserDetails").get("properties").fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("pk", "username", "email", "first_name", "last_name");
            assertThat(paths.get("/auth/user/").get("put").get("operationId").asText())
                    .isEqualTo("updateCurrentUser");
            assertThat(paths.get("/auth/password/reset/")
                            .get("post")
                            .get("operationId")
                            .asText())
                    .isEqualTo("requestPasswordReset");
            assertThat(paths.get("/auth/password/reset/confirm/")
                            .get("post")
                            .get("operationId")
                            .asText())
                    .isEqualTo("confirmPasswordReset");
            assertThat(paths.get("/auth/registration/verify-email/")
                            .get("post")
                            .get("operationId")
                            .asText())
                    .isEqualTo("verifyEmail");
            assertThat(paths.get("/auth/registration/resend-email/")
                            .get("post")
                            .get("operationId")
                            .asText())
                    .isEqualTo("resendEmail");
            assertThat(schemas.get("PasswordChange").get("properties").has("old_password"))
                    .isTrue();
            assertThat(schemas.get("Register").get("properties").has("password2"))
                    .isTrue();
            assertThat(schemas.has("RestAuthDetail")).isTrue();
        }
    }
}
