package dev.portico.auth.session;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.Browser;
import dev.portico.auth.MutableClock;
import dev.portico.auth.SessionTestApp;
import dev.portico.auth.SetCookie;
import dev.portico.auth.accounts.User;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import dev.portico.testing.Bodies;
import dev.portico.testing.TestRequest;
import java.time.Duration;
import java.util.List;

/** Database sessions through an in-process app, on H2 and PostgreSQL: cookies, rotation, logout, expiry, epochs. */
class SessionsTest {

    private static Response me(Browser browser) {
        return browser.send(TestRequest.get("/auth/user/"));
    }

    @DatabaseTest
    void loginSetsAnHttpOnlyLaxSessionCookieAndAReadableCsrfCookie(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            Browser browser = t.loggedIn("ada");
            List<SetCookie> cookies = browser.lastCookies();
            SetCookie session = SetCookie.find(cookies, "sessionid").orElseThrow();
            assertThat(session.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(session.has("HttpOnly")).isTrue();
            assertThat(session.attribute("SameSite")).contains("Lax");
            assertThat(session.attribute("Path")).contains("/");
            assertThat(session.attribute("Max-Age"))
                    .contains(Long.toString(Duration.ofDays(14).toSeconds()));
            assertThat(session.has("Secure"))
                    .as("off by default, for the local example over HTTP")
                    .isFalse();
            SetCookie csrf = SetCookie.find(cookies, "csrftoken").orElseThrow();
            assertThat(csrf.has("HttpOnly")).as("pages read the CSRF cookie").isFalse();
            assertThat(csrf.attribute("SameSite")).contains("Lax");

            Response me = me(browser);
            assertThat(me.status()).isEqualTo(200);
            assertThat(json(me).get("pk").asLong()).isEqualTo(ada.id());
            assertThat(json(me).get("username").asText()).isEqualTo("ada");
            assertThat(Bodies.text(me)).doesNotContain("argon2").doesNotContain("password");
            assertThat(me.headerValue("Vary")).contains("Cookie");
            assertThat(t.sessions.find(browser.cookie("sessionid")))
                    .map(s -> s.userId())
                    .contains(ada.id());
        }
    }

    @DatabaseTest
    void cookiesAreSecureWhenConfigured(TestDatabase test) {
        try (SessionTestApp t =
                SessionTestApp.create(test, MutableClock.startingNow(), b -> b.set(SessionSettings.SECURE, true))) {
            t.user("ada");
            Browser browser = t.browser();
            browser.send(TestRequest.get("/auth/csrf/"));
            assertThat(SetCookie.find(browser.lastCookies(), "csrftoken")
                            .orElseThrow()
                            .has("Secure"))
                    .isTrue();
            Response login = browser.send(TestRequest.of("POST", "/auth/login/")
                    .json("{\"username\":\"ada\",\"password\":\"" + SessionTestApp.PASSWORD + "\"}")
                    .header(Csrf.HEADER, browser.cookie("csrftoken"))
                    .header("Referer", "https://localhost/login"));
            assertThat(login.status()).isEqualTo(200);
            assertThat(SetCookie.find(browser.lastCookies(), "sessionid")
                            .orElseThrow()
                            .has("Secure"))
                    .isTrue();
            assertThat(SetCookie.find(browser.lastCookies(), "csrftoken")
                            .orElseThrow()
                            .has("Secure"))
                    .isTrue();
        }
    }

    @DatabaseTest
    void theTableHoldsOnlyTheHashOfTheId(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            String id = t.loggedIn("ada").cookie("sessionid");
            List<String> stored = t.accounts
                    .database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("select id_hash from auth_sessions")
                            .mapTo(String.class)
                            .list());
            assertThat(stored).containsExactly(Sessions.hash(id)).doesNotContain(id);
        }
    }

    @DatabaseTest
    void loginIssuesANewIdAndTheOldOneNoLongerWorks(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            t.user("eve");
            // fixation: the attacker plants their own live session id in the victim's browser, who then logs in
            Browser eve = t.loggedIn("eve");
            String planted = eve.cookie("sessionid");
            Browser victim = t.browser();
            victim.send(TestRequest.get("/auth/csrf/"));
            victim.cookie("sessionid", planted);
            Response login = victim.json(
                    "POST", "/auth/login/", "{\"username\":\"ada\",\"password\":\"" + SessionTestApp.PASSWORD + "\"}");
            assertThat(login.status()).isEqualTo(200);
            assertThat(victim.cookie("sessionid")).isNotEqualTo(planted);
            assertThat(t.sessions.find(planted))
                    .as("the id the request came with is deleted")
                    .isEmpty();
            assertThat(me(eve).status()).as("the planted id logs nobody in").isEqualTo(403);
            assertThat(json(me(victim)).get("pk").asLong()).isEqualTo(ada.id());

            String first = victim.cookie("sessionid");
            victim.json(
                    "POST", "/auth/login/", "{\"username\":\"ada\",\"password\":\"" + SessionTestApp.PASSWORD + "\"}");
            assertThat(victim.cookie("sessionid")).isNotEqualTo(first);
            Browser replay = t.browser();
            replay.cookie("sessionid", first);
            assertThat(me(replay).status()).isEqualTo(403);
            assertThat(t.sessions.count(ada.id())).isEqualTo(1);
        }
    }

    @DatabaseTest
    void logoutDeletesTheSessionAndClearsTheCookie(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            Browser browser = t.loggedIn("ada");
            String id = browser.cookie("sessionid");
            Response logout = browser.json("POST", "/auth/logout/", "");
            assertThat(logout.status()).isEqualTo(200);
            assertThat(json(logout).get("detail").asText()).isEqualTo("Successfully logged out.");
            SetCookie cleared =
                    SetCookie.find(browser.lastCookies(), "sessionid").orElseThrow();
            assertThat(cleared.clears()).isTrue();
            assertThat(cleared.value()).isEmpty();
            assertThat(t.sessions.find(id)).isEmpty();
            assertThat(t.sessions.count(ada.id())).isZero();
            Browser replay = t.browser();
            replay.cookie("sessionid", id);
            assertThat(me(replay).status()).isEqualTo(403);
            assertThat(json(me(replay)).get("code").asText()).isEqualTo("not_authenticated");
        }
    }

    @DatabaseTest
    void aSessionWorksOnASecondInstanceOfTheSameDatabase(TestDatabase test) {
        MutableClock clock = MutableClock.startingNow();
        try (SessionTestApp one = SessionTestApp.create(test, clock);
                SessionTestApp two = SessionTestApp.create(test, clock)) {
            User ada = one.user("ada");
            Browser onOne = one.loggedIn("ada");
            Browser onTwo = two.browser();
            onTwo.cookie("sessionid", onOne.cookie("sessionid"));
            onTwo.cookie("csrftoken", onOne.cookie("csrftoken"));
            assertThat(json(me(onTwo)).get("pk").asLong()).isEqualTo(ada.id());
            assertThat(onTwo.json("POST", "/api/notes/", "{\"title\":\"from two\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(onTwo.json("POST", "/auth/logout/", "").status()).isEqualTo(200);
            assertThat(me(onOne).status())
                    .as("logged out on the other instance")
                    .isEqualTo(403);
        }
    }

    @DatabaseTest
    void anExpiredSessionIsAnonymousItsCookieClearedAndItsRowDeleted(TestDatabase test) {
        MutableClock clock = MutableClock.startingNow();
        try (SessionTestApp t =
                SessionTestApp.create(test, clock, b -> b.set(SessionSettings.LIFETIME, Duration.ofHours(1)))) {
            User ada = t.user("ada");
            Browser browser = t.loggedIn("ada");
            clock.advance(Duration.ofMinutes(59));
            assertThat(me(browser).status()).isEqualTo(200);
            assertThat(t.sessions
                            .find(browser.cookie("sessionid"))
                            .orElseThrow()
                            .lastSeenAt())
                    .isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            clock.advance(Duration.ofMinutes(1));
            Response expired = me(browser);
            assertThat(expired.status()).isEqualTo(403);
            assertThat(expired.headerValue("WWW-Authenticate"))
                    .as("a session alone has no challenge, so no 401")
                    .isEmpty();
            assertThat(SetCookie.find(browser.lastCookies(), "sessionid")
                            .orElseThrow()
                            .clears())
                    .isTrue();
            assertThat(browser.hasCookie("sessionid")).isFalse();
            assertThat(t.sessions.count(ada.id())).isZero();
        }
    }

    @DatabaseTest
    void clearExpiredDeletesOnlyExpiredSessions(TestDatabase test) {
        MutableClock clock = MutableClock.startingNow();
        try (SessionTestApp t =
                SessionTestApp.create(test, clock, b -> b.set(SessionSettings.LIFETIME, Duration.ofHours(1)))) {
            User ada = t.user("ada");
            t.loggedIn("ada");
            clock.advance(Duration.ofMinutes(30));
            t.loggedIn("ada");
            clock.advance(Duration.ofMinutes(31));
            assertThat(t.sessions.clearExpired()).isEqualTo(1);
            assertThat(t.sessions.count(ada.id())).isEqualTo(1);
        }
    }

    @DatabaseTest
    void aPasswordChangeElsewhereEndsThisSessionAndAnInactiveUserHasNone(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            Browser laptop = t.loggedIn("ada");
            Browser phone = t.loggedIn("ada");
            Response change = phone.json(
                    "POST",
                    "/auth/password/change/",
                    "{\"old_password\":\"" + SessionTestApp.PASSWORD
                            + "\",\"new_password1\":\"another horse\",\"new_password2\":\"another horse\"}");
            assertThat(change.status()).isEqualTo(200);
            assertThat(me(phone).status())
                    .as("the changing session goes on, re-issued")
                    .isEqualTo(200);
            Response stale = me(laptop);
            assertThat(stale.status())
                    .as("a session from before the epoch was raised")
                    .isEqualTo(403);
            assertThat(SetCookie.find(laptop.lastCookies(), "sessionid")
                            .orElseThrow()
                            .clears())
                    .isTrue();

            t.accounts.users().setActive(ada.id(), false);
            assertThat(me(phone).status()).isEqualTo(403);
        }
    }

    @DatabaseTest
    void aMalformedOrUnknownCookieIsAnonymousAndCleared(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            for (String value : List.of("garbage", "x".repeat(43), "%00;")) {
                Browser browser = t.browser();
                browser.cookie("sessionid", value);
                Response response = me(browser);
                assertThat(response.status()).isEqualTo(403);
                assertThat(SetCookie.find(browser.lastCookies(), "sessionid")
                                .orElseThrow()
                                .clears())
                        .isTrue();
            }
            Browser none = t.browser();
            assertThat(me(none).status()).isEqualTo(403);
            assertThat(none.lastCookies()).as("no cookie, nothing to clear").isEmpty();
        }
    }
}
