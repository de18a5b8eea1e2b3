package dev.portico.auth.session;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.Browser;
import dev.portico.auth.MutableClock;
import dev.portico.auth.SessionTestApp;
import dev.portico.auth.account.AccountSettings;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.MediaType;
import dev.portico.http.Response;
import dev.portico.testing.Multipart;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;

/**
 * The CSRF matrix on H2 and PostgreSQL: session-authenticated unsafe requests need the cookie's token in the
 * header or a form field and a same-site Origin (or Referer over HTTPS); safe methods and other credentials do not;
 * the login form is checked too.
 */
class CsrfTest {
    private static final String LOGIN = "{\"username\":\"ada\",\"password\":\"" + SessionTestApp.PASSWORD + "\"}";

    /** A login form, as any site's page can post one (a form body, unlike JSON, needs no CORS preflight). */
    private static TestRequest loginForm(String extra) {
        return TestRequest.of("POST", "/auth/login/")
                .header("Content-Type", MediaType.FORM_URLENCODED)
                .body(("username=ada&password=correct+horse+battery" + extra).getBytes(StandardCharsets.UTF_8));
    }

    private static TestRequest post(String json) {
        return TestRequest.of("POST", "/api/notes/").json(json);
    }

    private static void refused(Response response, String detail) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(json(response).get("code").asText()).isEqualTo("csrf_failed");
        assertThat(json(response).get("detail").asText()).isEqualTo("CSRF Failed: " + detail);
    }

    @DatabaseTest
    void aSessionRequestWithoutTheRightTokenIsRefusedAndWritesNothing(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            t.user("eve");
            Browser ada = t.loggedIn("ada");
            refused(ada.send(post("{\"title\":\"none\"}")), "CSRF token missing.");
            refused(
                    ada.send(post("{\"title\":\"wrong\"}").header(Csrf.HEADER, "a".repeat(64))),
                    "CSRF token incorrect.");
            refused(ada.send(post("{\"title\":\"junk\"}").header(Csrf.HEADER, "<script>")), "CSRF token incorrect.");
            String evesToken = t.loggedIn("eve").cookie("csrftoken");
            refused(ada.send(post("{\"title\":\"eve's\"}").header(Csrf.HEADER, evesToken)), "CSRF token incorrect.");
            String csrf = ada.cookie("csrftoken");
            ada.forget("csrftoken");
            refused(ada.send(post("{\"title\":\"no cookie\"}").header(Csrf.HEADER, csrf)), "CSRF cookie not set.");
            assertThat(t.written).isEmpty();

            ada.cookie("csrftoken", csrf);
            Response ok = ada.send(post("{\"title\":\"header\"}").header(Csrf.HEADER, csrf));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(t.written).containsExactly("header");
        }
    }

    @DatabaseTest
    void theMaskedTokenOfAPageDiffersEveryTimeAndEachOneWorks(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Browser ada = t.loggedIn("ada");
            String first = json(ada.send(TestRequest.get("/auth/csrf/")))
                    .get("csrf_token")
                    .asText();
            String second = json(ada.send(TestRequest.get("/auth/csrf/")))
                    .get("csrf_token")
                    .asText();
            assertThat(first).hasSize(64).isNotEqualTo(second).doesNotContain(ada.cookie("csrftoken"));
            assertThat(ada.send(post("{\"title\":\"one\"}").header(Csrf.HEADER, first))
                            .status())
                    .isEqualTo(200);
            assertThat(ada.send(post("{\"title\":\"two\"}").header(Csrf.HEADER, second))
                            .status())
                    .isEqualTo(200);
            assertThat(t.written).containsExactly("one", "two");
        }
    }

    @DatabaseTest
    void theTokenMayComeInAFormFieldUrlencodedOrMultipart(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Browser ada = t.loggedIn("ada");
            String token = json(ada.send(TestRequest.get("/auth/csrf/")))
                    .get("csrf_token")
                    .asText();
            Response form = ada.send(TestRequest.of("POST", "/api/notes/")
                    .header("Content-Type", MediaType.FORM_URLENCODED)
                    .header("Origin", "http://localhost")
                    .body(("title=from+a+form&csrf_token=" + token).getBytes(StandardCharsets.UTF_8)));
            assertThat(form.status()).isEqualTo(200);
            assertThat(json(form).get("title").asText())
                    .as("the endpoint still binds the body")
                    .isEqualTo("from a form");
            Multipart multipart = Multipart.create().field("title", "multipart").field("csrf_token", token);
            Response parts = ada.send(TestRequest.of("POST", "/api/notes/")
                    .header("Content-Type", Multipart.contentType())
                    .body(multipart.build()));
            assertThat(parts.status()).isEqualTo(200);
            refused(
                    ada.send(TestRequest.of("POST", "/api/notes/")
                            .header("Content-Type", MediaType.FORM_URLENCODED)
                            .body("title=forged&csrf_token=".getBytes(StandardCharsets.UTF_8))),
                    "CSRF token missing.");
            assertThat(t.written).containsExactly("from a form", "multipart");
        }
    }

    @DatabaseTest
    void jsonSentAsTextPlainCrossSiteIsRefusedEitherWay(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Browser ada = t.loggedIn("ada");
            byte[] body = "{\"title\":\"simple request\"}".getBytes(StandardCharsets.UTF_8);
            // what a cross-site <form enctype="text/plain"> or fetch(no-cors) can send: no token, no preflight
            refused(
                    ada.send(TestRequest.of("POST", "/api/notes/")
                            .header("Content-Type", "text/plain")
                            .header("Origin", "https://evil.example")
                            .body(body)),
                    "Origin checking failed - https://evil.example does not match any trusted origins.");
            refused(
                    ada.send(TestRequest.of("POST", "/api/notes/")
                            .header("Content-Type", "text/plain")
                            .body(body)),
                    "CSRF token missing.");
            // and with the right token from this site, text/plain is still no JSON body: 415
            Response unsupported = ada.send(TestRequest.of("POST", "/api/notes/")
                    .header("Content-Type", "text/plain")
                    .header(Csrf.HEADER, ada.cookie("csrftoken"))
                    .body(body));
            assertThat(unsupported.status()).isEqualTo(415);
            assertThat(t.written).isEmpty();
        }
    }

    @DatabaseTest
    void originsMustBeThisHostOrTrusted(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(
                test,
                MutableClock.startingNow(),
                b -> b.set(SessionSettings.TRUSTED_ORIGINS, "https://app.example.com, https://*.partner.example"))) {
            t.user("ada");
            Browser ada = t.loggedIn("ada");
            String token = ada.cookie("csrftoken");
            refused(
                    ada.send(post("{\"title\":\"evil\"}")
                            .header(Csrf.HEADER, token)
                            .header("Origin", "https://evil.example")),
                    "Origin checking failed - https://evil.example does not match any trusted origins.");
            refused(
                    ada.send(post("{\"title\":\"null\"}")
                            .header(Csrf.HEADER, token)
                            .header("Origin", "null")),
                    "Origin checking failed - null does not match any trusted origins.");
            refused(
                    ada.send(post("{\"title\":\"scheme\"}")
                            .header(Csrf.HEADER, token)
                            .header("Origin", "https://localhost")),
                    "Origin checking failed - https://localhost does not match any trusted origins.");
            refused(
                    ada.send(post("{\"title\":\"suffix\"}")
                            .header(Csrf.HEADER, token)
                            .header("Origin", "https://evilpartner.example")),
                    "Origin checking failed - https://evilpartner.example does not match any trusted origins.");
            for (String origin : new String[] {
                "http://localhost", "https://app.example.com", "https://eu.partner.example", "https://partner.example"
            }) {
                assertThat(ada.send(post("{\"title\":\"" + origin + "\"}")
                                        .header(Csrf.HEADER, token)
                                        .header("Origin", origin))
                                .status())
                        .as(origin)
                        .isEqualTo(200);
            }
            assertThat(t.written).hasSize(4);

            Browser elsewhere = t.loggedIn("ada").host("evil.example");
            Response badHost = elsewhere.send(post("{\"title\":\"host\"}")
                    .header(Csrf.HEADER, elsewhere.cookie("csrftoken"))
                    .header("Origin", "http://evil.example"));
            assertThat(badHost.status())
                    .as("a Host outside server.allowed-hosts is Django's 400")
                    .isEqualTo(400);
            assertThat(json(badHost).get("detail").asText()).isEqualTo("Invalid Host header.");
        }
    }

    @DatabaseTest
    void overHttpsARequestWithoutOriginNeedsASameSiteReferer(TestDatabase test) {
        try (SessionTestApp t =
                SessionTestApp.create(test, MutableClock.startingNow(), b -> b.set(SessionSettings.SECURE, true))) {
            t.user("ada");
            Browser ada = t.browser();
            ada.send(TestRequest.get("/auth/csrf/"));
            refused(
                    ada.send(loginForm("").header(Csrf.HEADER, ada.cookie("csrftoken"))),
                    "Referer checking failed - no Referer.");
            Response login = ada.send(TestRequest.of("POST", "/auth/login/")
                    .json(LOGIN)
                    .header(Csrf.HEADER, ada.cookie("csrftoken"))
                    .header("Origin", "https://localhost"));
            assertThat(login.status()).isEqualTo(200);
            String token = ada.cookie("csrftoken");
            refused(
                    ada.send(post("{\"title\":\"x\"}")
                            .header(Csrf.HEADER, token)
                            .header("Referer", "http://localhost/")),
                    "Referer checking failed - Referer is insecure while host is secure.");
            refused(
                    ada.send(post("{\"title\":\"x\"}")
                            .header(Csrf.HEADER, token)
                            .header("Referer", "https://evil.example/page?secret=1")),
                    "Referer checking failed - https://evil.example does not match any trusted origins.");
            refused(
                    ada.send(
                            post("{\"title\":\"x\"}").header(Csrf.HEADER, token).header("Referer", "not a url")),
                    "Referer checking failed - Referer is malformed.");
            assertThat(ada.send(post("{\"title\":\"ok\"}")
                                    .header(Csrf.HEADER, token)
                                    .header("Referer", "https://localhost/notes/"))
                            .status())
                    .isEqualTo(200);
            assertThat(t.written).containsExactly("ok");
        }
    }

    @DatabaseTest
    void safeMethodsAndOtherCredentialsNeedNoToken(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Browser ada = t.loggedIn("ada");
            assertThat(ada.send(TestRequest.get("/api/notes/").header("Origin", "https://evil.example"))
                            .status())
                    .isEqualTo(200);
            assertThat(ada.send(TestRequest.of("HEAD", "/api/notes/")).status()).isEqualTo(200);
            Response keyed = t.browser().send(post("{\"title\":\"by key\"}").header("X-Test-Key", "k1"));
            assertThat(keyed.status())
                    .as("DRF: only session-authenticated requests are checked")
                    .isEqualTo(200);
            assertThat(json(keyed).get("by").asText()).isEqualTo("key:k1");
        }
    }

    @DatabaseTest
    void theLoginFormIsCheckedSoACrossSitePageCannotLogAVisitorIn(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Browser visitor = t.browser();
            refused(visitor.send(loginForm("")), "CSRF cookie not set.");
            visitor.send(TestRequest.get("/auth/csrf/"));
            refused(visitor.send(loginForm("")), "CSRF token missing.");
            refused(
                    visitor.send(TestRequest.of("POST", "/auth/login/")
                            .header("Content-Type", "text/plain")
                            .body(LOGIN.getBytes(StandardCharsets.UTF_8))),
                    "CSRF token missing.");
            refused(
                    visitor.send(TestRequest.of("POST", "/auth/login/")
                            .json(LOGIN)
                            .header("Origin", "https://evil.example")),
                    "Origin checking failed - https://evil.example does not match any trusted origins.");
            refused(
                    visitor.send(
                            TestRequest.of("POST", "/auth/login/").json(LOGIN).header("Sec-Fetch-Site", "cross-site")),
                    "Origin checking failed - the request came from another site.");
            assertThat(visitor.hasCookie("sessionid")).isFalse();
            refused(
                    visitor.send(TestRequest.of("POST", "/auth/login/")
                            .header("Content-Type", MediaType.FORM_URLENCODED)
                            .header("Origin", "https://evil.example")
                            .body(("username=ada&password=correct+horse+battery&csrf_token="
                                            + visitor.cookie("csrftoken"))
                                    .getBytes(StandardCharsets.UTF_8))),
                    "Origin checking failed - https://evil.example does not match any trusted origins.");
            assertThat(visitor.hasCookie("sessionid")).isFalse();

            String before = visitor.cookie("csrftoken");
            Response form = visitor.send(TestRequest.of("POST", "/auth/login/")
                    .header("Content-Type", MediaType.FORM_URLENCODED)
                    .header("Origin", "http://localhost")
                    .body(("username=ada&password=correct+horse+battery&csrf_token=" + before)
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(form.status()).isEqualTo(200);
            assertThat(visitor.hasCookie("sessionid")).isTrue();
            assertThat(visitor.cookie("csrftoken"))
                    .as("rotated at login, as Django does")
                    .isNotEqualTo(before);
            refused(
                    visitor.send(post("{\"title\":\"old token\"}").header(Csrf.HEADER, before)),
                    "CSRF token incorrect.");
        }
    }

    @DatabaseTest
    void anAnonymousJsonLoginNeedsNoTokenAsDrfButAlwaysAsksItOfEveryOne(TestDatabase test) {
        try (SessionTestApp t = SessionTestApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Response app =
                    t.browser().send(TestRequest.of("POST", "/auth/login/").json(LOGIN));
            assertThat(app.status()).as("a mobile app: no cookie, no Origin").isEqualTo(200);
            Response page = t.browser()
                    .send(TestRequest.of("POST", "/auth/login/").json(LOGIN).header("Origin", "http://localhost"));
            assertThat(page.status()).as("the site's own page").isEqualTo(200);
        }
        try (SessionTestApp t = SessionTestApp.create(
                test, MutableClock.startingNow(), b -> b.set(AccountSettings.CSRF, AccountSettings.CsrfRule.ALWAYS))) {
            t.user("bob");
            refused(t.browser().send(TestRequest.of("POST", "/auth/login/").json(LOGIN)), "CSRF cookie not set.");
        }
    }
}
