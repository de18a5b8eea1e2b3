package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example's browsable API and OPTIONS metadata, in-process: the page of a JSON answer, the form derived from the
 * input type, errors back beside their fields, escaping, the page's security headers, and DRF's metadata shape.
 */
@PorticoTest
class BrowsableApiTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static TestAccounts accounts;
    private PorticoClient client;

    @App
    static Portico app(TestSetup setup) {
        BlogTesting.Built built = BlogTesting.app(setup);
        accounts = built.accounts();
        return built.app();
    }

    @BeforeAll
    static void writer() {
        accounts.createUser("browser");
    }

    @BeforeEach
    void signIn(PorticoClient client) {
        this.client = client.as("browser");
    }

    private TestResponse page(String path) {
        return client.get(path).header("Accept", BROWSER).send();
    }

    @Test
    void aBrowserGetsThePageOfTheListWithItsSecurityHeaders() {
        TestResponse page = page("/api/posts/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.header("Content-Security-Policy"))
                .hasValueSatisfying(csp ->
                        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.header("X-Frame-Options")).contains("DENY");
        assertThat(page.header("Allow")).contains("GET, HEAD, POST, OPTIONS");
        assertThat(page.text())
                .contains(
                        "<h1>Post</h1>",
                        "<span class=\"request-line\">/api/posts/</span>",
                        "Signed in as <strong>browser</strong>",
                        "HTTP <span class=\"status s-ok\">200 OK</span>",
                        "<span class=\"k\">\"count\"</span>");
        assertThat(client.get("/api/posts/").send().header("Content-Type")).contains("application/json");
    }

    @Test
    void thePostFormIsDerivedFromTheInputType() {
        String html = page("/api/posts/").text();
        assertThat(html)
                .contains(
                        "<form id=\"form-post\"",
                        "name=\"csrf_token\"",
                        "<input type=\"text\" id=\"form-post-title\" name=\"title\" value=\"\" maxlength=\"50\""
                                + " aria-required=\"true\"",
                        "<p class=\"help\" id=\"form-post-title-help\">At most 50 characters.</p>",
                        "<textarea id=\"form-post-content\" name=\"content\" aria-required=\"true\"",
                        "<input type=\"checkbox\" id=\"form-post-draft\" name=\"draft\" value=\"true\"",
                        "<p class=\"help\" id=\"form-post-draft-help\">A draft is seen only by its author and"
                                + " staff.</p>",
                        "<input type=\"date\" id=\"form-post-publish_date\" name=\"publish_date\" value=\"\""
                                + " data-optional",
                        "<select id=\"raw-method\" name=\"_method\"><option>POST</option></select>");
        assertThat(html).doesNotContain("name=\"id\"", "name=\"owner\"", "form-put");
    }

    @Test
    void errorsComeBackBesideTheirFieldsWithWhatWasSent() {
        TestResponse answer = client.post("/api/posts/?format=api")
                .form(Map.of("title", "", "content", "kept <b>text</b>", "draft", "false"))
                .send();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text())
                .contains(
                        "<ul class=\"error-list\" id=\"form-post-title-errors\"><li>This field may not be"
                                + " blank.</li></ul>",
                        "aria-invalid=\"true\"",
                        ">kept &lt;b&gt;text&lt;/b&gt;</textarea>");
    }

    @Test
    void theCreatedPostIsShownWithItsLocationAndItsPutFormHoldsItsValues() {
        String title = "t" + UUID.randomUUID().toString().substring(0, 8);
        TestResponse created = client.post("/api/posts/?format=api")
                .form(Map.of("title", title, "content", "c", "draft", "false"))
                .send();
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location").orElseThrow();
        assertThat(created.text()).contains("201 Created", "<a href=\"" + location + "\">" + location + "</a>");
        String item = page(location).text();
        assertThat(item)
                .contains(
                        "<form id=\"form-put\"",
                        "data-method=\"PUT\"",
                        "name=\"title\" value=\"" + title + "\"",
                        "data-method=\"DELETE\"");
    }

    @Test
    void everyValueIsEscaped() {
        client.post("/api/posts/")
                .json(Map.of("title", "<script>alert(1)</script>", "content", "\"'><img src=x>"))
                .send();
        String html = page("/api/posts/?search=alert").text();
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert", "<img src=x>");
    }

    @Test
    void anApiMethodGetsTheSamePageWithItsArgumentsAsTheForm() {
        PorticoClient session = client.fork().login("browser", TestAccounts.PASSWORD);
        TestResponse page = session.post("/api/home/find_user?format=api")
                .anonymous()
                .form(Map.of("firstname", "x"))
                .send();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text())
                .contains(
                        "<h1>Find user</h1>",
                        "id=\"form-post-lastname-errors\"",
                        "name=\"firstname\" aria-required=\"true\">x</textarea>");
    }

    @Test
    void anonymousCallersSeeTheRefusalAndALogInLink() {
        TestResponse page = client.fork()
                .get("/api/posts/")
                .anonymous()
                .header("Accept", BROWSER)
                .send();
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.text())
                .contains("href=\"/api-auth/login/?next&#61;%2Fapi%2Fposts%2F\"", "Log in")
                .doesNotContain("form-post");
    }

    @Test
    void aRefusalWhoseOnlyChallengeIsBasicIsA403PageSoTheBrowserShowsNoPrompt() {
        // the API methods take the caller; their authenticators are the session, a form key and Basic
        TestResponse json = client.fork()
                .post("/api/home/describe_site")
                .anonymous()
                .form(Map.of())
                .send();
        assertThat(json.status()).isEqualTo(401);
        assertThat(json.header("WWW-Authenticate")).contains("Basic realm=\"api\"");
        TestResponse page = client.fork()
                .post("/api/home/describe_site?format=api")
                .anonymous()
                .form(Map.of())
                .send();
        assertThat(page.status())
                .as("a 401 without its challenge would break RFC 9110")
                .isEqualTo(403);
        assertThat(page.header("WWW-Authenticate")).isEmpty();
        assertThat(page.text()).contains("Log in");
    }

    @Test
    void optionsAnswersDrfsMetadata() {
        JsonNode body = client.options("/api/posts/").send().json();
        assertThat(body.get("name").asText()).isEqualTo("Post");
        assertThat(body.get("renders").toString()).isEqualTo("[\"application/json\",\"text/html\"]");
        assertThat(body.get("parses").toString())
                .isEqualTo("[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]");
        JsonNode post = body.get("actions").get("POST");
        assertThat(post.fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "title",
                        "content",
                        "draft",
                        "publish_date",
                        "created_at",
                        "updated_at",
                        "version",
                        "owner");
        assertThat(post.get("title").toString())
                .isEqualTo(
                        "{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"Title\",\"max_length\":50}");
        assertThat(post.get("created_at").toString())
                .isEqualTo("{\"type\":\"datetime\",\"required\":false,\"read_only\":true,\"label\":\"Created at\"}");
        assertThat(client.fork().options("/api/posts/").anonymous().send().status())
                .isEqualTo(401);
    }
}
