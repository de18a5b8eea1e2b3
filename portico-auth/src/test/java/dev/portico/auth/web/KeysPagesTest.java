package dev.portico.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.auth.Browser;
import dev.portico.auth.MutableClock;
import dev.portico.auth.accounts.User;
import dev.portico.auth.keys.ApiKey;
import dev.portico.auth.keys.CreatedApiKey;
import dev.portico.auth.session.Csrf;
import dev.portico.auth.session.Sessions;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import dev.portico.testing.Bodies;
import dev.portico.testing.TestRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The API keys page in-process, on H2 and PostgreSQL: sign-in, CSRF, the secret shown once, escaping, revoking
 * one's own keys only, and the headers of pages that hold a secret.
 */
class KeysPagesTest {
    private static final String P = KeysPagesApp.PREFIX;
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"new-key\"[^>]*value=\"([^\"]+)\"");

    private static Response get(Browser browser, String path) {
        return browser.send(TestRequest.get(path).header("Accept", "text/html"));
    }

    /** A form POST as a browser sends it, with the fields in order. */
    private static Response post(Browser browser, String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return browser.send(TestRequest.of("POST", path)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String token(Response page) {
        Matcher m = TOKEN.matcher(Bodies.text(page));
        assertThat(m.find()).as("a csrf_token field in %s", Bodies.text(page)).isTrue();
        return m.group(1);
    }

    private static Browser signedIn(KeysPagesApp t, String username) {
        Browser browser = t.browser();
        Response form = get(browser, P);
        Response login = post(
                browser,
                P + "login/",
                "csrf_token",
                token(form),
                "username",
                username,
                "password",
                KeysPagesApp.PASSWORD);
        assertThat(login.status()).as(Bodies.text(login)).isEqualTo(303);
        assertThat(login.headerValue("Location")).contains(P);
        return browser;
    }

    private static Response create(Browser browser, String name, String expiresOn) {
        String token = token(get(browser, P));
        return post(browser, P + "create/", "csrf_token", token, "name", name, "expires_on", expiresOn);
    }

    private static String secretShown(Response page) {
        Matcher m = SECRET.matcher(Bodies.text(page));
        assertThat(m.find()).as("the new key in %s", Bodies.text(page)).isTrue();
        return m.group(1);
    }

    @DatabaseTest
    void aSignedOutVisitorSeesTheSignInForm(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            Browser browser = t.browser();
            Response page = get(browser, P);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).contains("text/html; charset=utf-8");
            assertThat(Bodies.text(page))
                    .contains("<form method=\"post\" action=\"" + P + "login/\"")
                    .contains("name=\"username\"")
                    .contains("type=\"password\"")
                    .doesNotContain("Your keys");
            assertThat(token(page)).hasSize(64);
            assertThat(browser.hasCookie("csrftoken"))
                    .as("the form's token needs its cookie")
                    .isTrue();
            assertThat(page.headerValue("Cache-Control")).contains("no-store");
            assertThat(page.headerValue("Content-Security-Policy")).contains(Html.CSP);
            assertThat(page.headerValue("X-Frame-Options")).contains("DENY");
        }
    }

    @DatabaseTest
    void aWrongPasswordShowsTheFormAgainEscapedAndStartsNoSession(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Browser browser = t.browser();
            Response refused = post(
                    browser,
                    P + "login/",
                    "csrf_token",
                    token(get(browser, P)),
                    "username",
                    "ada\"><script>x()</script>",
                    "password",
                    "wrong");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(Bodies.text(refused))
                    .contains(Sessions.BAD_LOGIN)
                    .contains("value=\"ada&quot;&gt;&lt;script&gt;x()&lt;/script&gt;\"")
                    .doesNotContain("<script>x");
            assertThat(browser.hasCookie("sessionid")).isFalse();
        }
    }

    @DatabaseTest
    void signingInWithoutTheCsrfTokenIsRefusedWith403(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Browser browser = t.browser();
            get(browser, P);
            Response refused = post(browser, P + "login/", "username", "ada", "password", KeysPagesApp.PASSWORD);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).contains("text/html; charset=utf-8");
            assertThat(Bodies.text(refused)).contains("CSRF Failed: CSRF token missing.");
            assertThat(browser.hasCookie("sessionid")).isFalse();
        }
    }

    @DatabaseTest
    void theSecretIsShownOnceEscapedWithNoStoreAndNeverInAListOrAUrl(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            Browser browser = signedIn(t, "ada");
            Response made = create(browser, "ci <script>alert(1)</script>", "");
            assertThat(made.status()).isEqualTo(201);
            assertThat(made.headerValue("Cache-Control")).contains("no-store");
            assertThat(made.headerValue("Location")).isEmpty();
            String html = Bodies.text(made);
            assertThat(html)
                    .contains("ci &lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert");
            String credential = secretShown(made);
            ApiKey key = t.keys.list(ada.id()).getFirst();
            assertThat(credential).startsWith(key.keyId() + ":");
            assertThat(t.keys.authenticate(credential)).map(c -> c.user().id()).contains(ada.id());

            String secret = credential.substring(credential.indexOf(':') + 1);
            Response list = get(browser, P);
            assertThat(Bodies.text(list))
                    .contains(key.keyId())
                    .contains("ci &lt;script&gt;")
                    .doesNotContain(secret)
                    .doesNotContain("id=\"new-key\"");
            Response again = create(browser, "laptop", "");
            assertThat(Bodies.text(again)).doesNotContain(secret);
        }
    }

    @DatabaseTest
    void everyScriptOfAPageIsAFileOfItsOwn(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            Browser browser = signedIn(t, "ada");
            String html = Bodies.text(create(browser, "ci", ""));
            assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(html).find())
                    .as(html)
                    .isFalse();
            assertThat(html).doesNotContain(" onclick=").doesNotContain(" style=");
            Response script = browser.send(TestRequest.get(P + "keys.js").header("Accept", "*/*"));
            assertThat(script.status()).isEqualTo(200);
            assertThat(script.contentType()).contains("text/javascript; charset=utf-8");
            assertThat(Bodies.text(script)).contains("navigator.clipboard");
            Response fresh = browser.send(TestRequest.get(P + "keys.js")
                    .header("If-None-Match", script.headerValue("ETag").orElseThrow()));
            assertThat(fresh.status()).isEqualTo(304);
            assertThat(browser.send(TestRequest.get(P + "keys.css").header("Accept", "text/css,*/*;q=0.1"))
                            .contentType())
                    .contains("text/css; charset=utf-8");
        }
    }

    @DatabaseTest
    void creatingWithoutTheCsrfTokenIs403AndMakesNothing(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            Browser browser = signedIn(t, "ada");
            Response refused = post(browser, P + "create/", "name", "ci");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(Bodies.text(refused)).contains("CSRF Failed");
            Response wrong = post(browser, P + "create/", "name", "ci", "csrf_token", "x".repeat(64));
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(t.keys.list(ada.id())).isEmpty();
        }
    }

    @DatabaseTest
    void aSignedOutPostMakesNothingAndLeadsToTheSignInForm(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            CreatedApiKey key = t.keys.create(ada.id(), "ci", Optional.empty(), Optional.empty());
            Browser browser = t.browser();
            String token = token(get(browser, P));
            assertThat(post(browser, P + "create/", "csrf_token", token, "name", "ci")
                            .status())
                    .isEqualTo(303);
            assertThat(post(browser, P + key.key().keyId() + "/revoke/", "csrf_token", token)
                            .status())
                    .isEqualTo(303);
            assertThat(t.keys.list(ada.id()))
                    .singleElement()
                    .satisfies(k -> assertThat(k.revoked()).isFalse());
        }
    }

    @DatabaseTest
    void anApiKeyDoesNotOpenThePage(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            CreatedApiKey key = t.keys.create(ada.id(), "ci", Optional.empty(), Optional.empty());
            Response page = t.browser().send(TestRequest.get(P).header("Authorization", "Api-Key " + key.credential()));
            assertThat(Bodies.text(page))
                    .contains("Sign in")
                    .doesNotContain(key.key().keyId());
        }
    }

    @DatabaseTest
    void anotherUsersKeyCannotBeRevoked(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            t.user("ada");
            User bob = t.user("bob");
            CreatedApiKey bobs = t.keys.create(bob.id(), "bob's", Optional.empty(), Optional.empty());
            Browser ada = signedIn(t, "ada");
            Response refused = post(ada, P + bobs.key().keyId() + "/revoke/", "csrf_token", token(get(ada, P)));
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.contentType()).contains("text/html; charset=utf-8");
            Response unknown = post(ada, P + "k-0000000000000000/revoke/", "csrf_token", token(get(ada, P)));
            assertThat(unknown.status())
                    .as("the same answer as for a key that does not exist")
                    .isEqualTo(404);
            assertThat(Bodies.text(unknown)).isEqualTo(Bodies.text(refused));
            assertThat(t.keys.authenticate(bobs.credential())).isPresent();
            assertThat(Bodies.text(get(ada, P))).doesNotContain(bobs.key().keyId());
        }
    }

    @DatabaseTest
    void revokingOwnKeyStopsItAndTheListSaysSo(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            CreatedApiKey key = t.keys.create(ada.id(), "laptop", Optional.empty(), Optional.empty());
            Browser browser = signedIn(t, "ada");
            Response page = get(browser, P);
            assertThat(Bodies.text(page)).contains("action=\"" + P + key.key().keyId() + "/revoke/\"");
            Response revoked = post(browser, P + key.key().keyId() + "/revoke/", "csrf_token", token(page));
            assertThat(revoked.status()).isEqualTo(303);
            assertThat(revoked.headerValue("Location"))
                    .contains(P + "?revoked=" + key.key().keyId());
            assertThat(t.keys.authenticate(key.credential())).isEmpty();
            Response after = get(browser, P + "?revoked=" + key.key().keyId());
            assertThat(Bodies.text(after))
                    .contains("is revoked")
                    .contains("badge revoked")
                    .doesNotContain("action=\"" + P + key.key().keyId() + "/revoke/\"");
        }
    }

    @DatabaseTest
    void theListShowsNameIdCreatedExpiryAndLastUse(TestDatabase test) {
        MutableClock clock = MutableClock.startingNow();
        try (KeysPagesApp t = KeysPagesApp.create(test, clock)) {
            User ada = t.user("ada");
            LocalDate tomorrow =
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(2);
            Browser browser = signedIn(t, "ada");
            assertThat(Bodies.text(get(browser, P))).contains("You have no API keys yet.");
            assertThat(create(browser, "ci", tomorrow.toString()).status()).isEqualTo(201);
            ApiKey key = t.keys.list(ada.id()).getFirst();
            assertThat(key.expiresAt())
                    .contains(tomorrow.atStartOfDay(ZoneOffset.UTC).toInstant());
            String credential = secretShown(create(browser, "unused", ""));
            String html = Bodies.text(get(browser, P));
            assertThat(html)
                    .contains("<code>" + key.keyId() + "</code>")
                    .contains(tomorrow + " 00:00 UTC")
                    .contains("badge active")
                    .contains("never");
            t.keys.authenticate(t.keys.list(ada.id()).getFirst().keyId() + ":wrong");
            t.keys.authenticate(credential);
            clock.advance(Duration.ofDays(3));
            html = Bodies.text(get(browser, P));
            assertThat(html).contains("badge expired");
        }
    }

    @DatabaseTest
    void aBadExpiryIsShownBesideTheFormWithWhatWasTyped(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            Browser browser = signedIn(t, "ada");
            Response past = create(browser, "old <b>", "2001-01-01");
            assertThat(past.status()).isEqualTo(400);
            assertThat(Bodies.text(past))
                    .contains("Ensure the expiry is in the future.")
                    .contains("value=\"old &lt;b&gt;\"")
                    .contains("value=\"2001-01-01\"");
            Response garbled = create(browser, "ci", "tomorrow\"><script>");
            assertThat(garbled.status()).isEqualTo(400);
            assertThat(Bodies.text(garbled)).contains("Enter a valid date.").doesNotContain("\"><script>");
            for (String far : new String[] {"+300000-01-01", "+999999999-12-31", "+10000-01-01"}) {
                Response tooFar = create(browser, "ci", far);
                assertThat(tooFar.status()).as(far).isEqualTo(400);
                assertThat(Bodies.text(tooFar))
                        .as("the sentence beside the expiry field")
                        .contains("name=\"expires_on\" type=\"date\" value=\"" + far + "\">\n<p class=\"error\" "
                                + "role=\"alert\">Ensure the expiry is before the year 10000.</p>")
                        .doesNotContainIgnoringCase("sqlexception")
                        .doesNotContainIgnoringCase("sqlstate")
                        .doesNotContain("server_error");
            }
            Response tooLong = create(browser, "x".repeat(101), "");
            assertThat(Bodies.text(tooLong)).contains("Ensure this field has no more than 100 characters.");
            assertThat(t.keys.list(ada.id())).isEmpty();
        }
    }

    @DatabaseTest
    void aKeyForOneRoleIsMadeFromTheRoleMenu(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            t.accounts.roles().define("editor", java.util.Set.of());
            t.accounts.users().grant(ada.id(), "editor");
            Browser browser = signedIn(t, "ada");
            assertThat(Bodies.text(get(browser, P))).contains("<option value=\"editor\">the role editor only</option>");
            String token = token(get(browser, P));
            Response made = post(browser, P + "create/", "csrf_token", token, "name", "ci", "role", "editor");
            assertThat(made.status()).isEqualTo(201);
            assertThat(t.keys.list(ada.id()).getFirst().role()).contains("editor");
            assertThat(Bodies.text(made)).contains("as editor");
        }
    }

    @DatabaseTest
    void signingOutEndsTheSession(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            Browser browser = signedIn(t, "ada");
            Response page = get(browser, P);
            assertThat(Bodies.text(page)).contains("Signed in as <strong>ada</strong>");
            Response out = post(browser, P + "logout/", "csrf_token", token(page));
            assertThat(out.status()).isEqualTo(303);
            assertThat(t.sessions.count(ada.id())).isZero();
            assertThat(Bodies.text(get(browser, P))).contains("Sign in").doesNotContain("Your keys");
        }
    }

    @DatabaseTest
    void theTokenAlsoComesInTheHeader(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            User ada = t.user("ada");
            Browser browser = signedIn(t, "ada");
            Response made = browser.send(TestRequest.of("POST", P + "create/")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body("name=ci".getBytes())
                    .header(Csrf.HEADER, browser.cookie("csrftoken")));
            assertThat(made.status()).isEqualTo(201);
            assertThat(t.keys.list(ada.id())).hasSize(1);
        }
    }

    @DatabaseTest
    void thePrefixIsConfigurableAndChecked(TestDatabase test) {
        try (KeysPagesApp t = KeysPagesApp.create(test, MutableClock.startingNow())) {
            KeysPages pages = KeysPages.create(t.accounts, t.keys, t.sessions).prefix("/me/api-keys/");
            assertThat(pages.endpoints())
                    .extracting(e -> e.method() + " " + e.path().template())
                    .containsExactly(
                            "GET /me/api-keys/",
                            "POST /me/api-keys/login/",
                            "POST /me/api-keys/logout/",
                            "POST /me/api-keys/create/",
                            "POST /me/api-keys/{key}/revoke/",
                            "GET /me/api-keys/keys.js",
                            "GET /me/api-keys/keys.css");
            assertThatThrownBy(() -> pages.prefix("/keys")).hasMessageContaining("start and end with /");
            assertThatThrownBy(() -> pages.prefix("/a\"b/")).hasMessageContaining("such as /account/keys/");
            assertThat(t.app.openapi().text(dev.portico.openapi.OpenApiDocument.Format.JSON))
                    .doesNotContain(P);
        }
    }
}
