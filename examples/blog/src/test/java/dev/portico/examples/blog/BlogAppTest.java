package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.Multipart;
import dev.portico.test.MutableClock;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example app as a client sees it, in-process through portico-test on H2 in memory; {@link BlogAppPostgresTest}
 * runs the same suite on PostgreSQL. Tests share one database, so each works on rows it marks as its own (a unique
 * word in titles, a unique department). {@link InProcessMatchesWireTest} checks that the answers are the server's.
 */
@PorticoTest
class BlogAppTest {
    private static TestAccounts accounts;
    /** Signed in as user "writer": the resources need a signed-in caller. */
    private PorticoClient client;

    @App
    static Portico app(TestSetup setup) {
        BlogTesting.Built built = BlogTesting.app(setup);
        accounts = built.accounts();
        return built.app();
    }

    @BeforeAll
    static void writer() {
        accounts.createUser("writer");
    }

    @BeforeEach
    void signIn(PorticoClient client) {
        this.client = client.as("writer");
    }

    private static String unique() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String id(TestResponse created) {
        return created.json().path("id").asText();
    }

    @Test
    void postReadsAreCachedPerCallerAndDroppedByWrites() {
        String word = unique();
        client.post("/api/posts/")
                .json("{\"title\":\"" + word + "\",\"content\":\"c\"}")
                .send();
        String list = "/api/posts/?search=" + word;
        TestResponse first = client.get(list).send();
        TestResponse second = client.get(list).send();
        assertThat(first).hasHeader("X-Cache", "MISS");
        assertThat(second)
                .hasHeader("X-Cache", "HIT")
                .hasBody(first.text())
                .hasJsonPath("$.count", 1)
                .hasHeader("Cache-Control", "private");
        assertThat(second.header("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Authorization"));
        String reader = unique();
        accounts.createUser(reader);
        assertThat(client.fork().as(reader).get(list).send()).hasHeader("X-Cache", "MISS"); // never the writer's entry
        client.post("/api/posts/")
                .json("{\"title\":\"" + word + " two\",\"content\":\"c\"}")
                .send();
        assertThat(client.get(list).send()).hasHeader("X-Cache", "MISS").hasJsonPath("$.count", 2);
    }

    @Test
    void healthAnswersOk() {
        assertThat(client.get("/health").anonymous().send()).hasStatus(200).hasBody("{\"status\":\"ok\"}");
    }

    @Test
    void readyChecksTheDatabase() {
        assertThat(client.get("/ready").anonymous().send())
                .hasStatus(200)
                .hasBody("{\"status\":\"ok\",\"checks\":{\"database\":\"ok\"}}");
    }

    @Test
    void helloGreetsByName() {
        assertThat(client.get("/api/hello/ada/").send())
                .hasBody("{\"message\":\"Hello, ada!\"}")
                .hasHeader("X-Request-Id");
    }

    @Test
    void postsSupportCrudWithDrfStatusCodes() {
        TestResponse created = client.post("/api/posts/")
                .json("{\"title\":\"Hello\",\"content\":\"First post\",\"publish_date\":\"2050-03-08\"}")
                .send();
        String id = id(created);
        assertThat(created)
                .hasStatus(201)
                .hasJsonPath("$.draft", false)
                .hasJsonPath("$.publish_date", "2050-03-08")
                .hasJsonPath("$.version", 1)
                .hasHeader("Location", "/api/posts/" + id + "/")
                .hasHeader("ETag", "\"1\"");
        String item = "/api/posts/" + id + "/";
        assertThat(client.get(item).send()).hasJsonPath("$.title", "Hello");
        assertThat(client.get("/api/posts/")
                        .query("search", "First post")
                        .send()
                        .text())
                .contains("\"id\":" + id);
        assertThat(client.put(item)
                        .json("{\"title\":\"Changed\",\"content\":\"x\",\"draft\":true}")
                        .send())
                .hasStatus(200)
                .hasJsonPath("$.title", "Changed")
                .hasJsonPath("$.draft", true)
                .hasJsonPath("$.version", 2);
        assertThat(client.patch(item).json("{\"content\":\"patched\"}").send())
                .hasStatus(200)
                .hasJsonPath("$.title", "Changed")
                .hasJsonPath("$.content", "patched");
        assertThat(client.patch(item).json("{\"title\":\"\"}").send())
                .isProblem(400)
                .hasFieldError("title");
        assertThat(client.delete(item).header("If-Match", "\"1\"").send()).hasStatus(412);
        assertThat(client.delete(item).send()).hasStatus(204);
        assertThat(client.get(item).send()).isProblem(404);
        assertThat(client.put(item).json("{\"title\":\"x\",\"content\":\"y\"}").send())
                .hasStatus(404);
        assertThat(client.delete(item).send()).hasStatus(404);
    }

    @Test
    void postsFilterOrderAndPage(MutableClock clock) {
        String word = unique();
        // the class's clock stands still: move it, so that created_at orders the posts as they were written
        client.post("/api/posts/")
                .json("{\"title\":\"b " + word + "\",\"content\":\"c\",\"publish_date\":\"2024-01-01\"}")
                .send();
        clock.advance(Duration.ofSeconds(1));
        client.post("/api/posts/")
                .json("{\"title\":\"a " + word + "\",\"content\":\"c\",\"publish_date\":\"2025-06-01\"}")
                .send();
        clock.advance(Duration.ofSeconds(1));
        client.post("/api/posts/")
                .json("{\"title\":\"c " + word + "\",\"content\":\"c\",\"draft\":true}")
                .send();

        String list = "/api/posts/?title__icontains=" + word.toUpperCase();
        TestResponse byTitle = client.get(list + "&ordering=title").send();
        assertThat(byTitle)
                .hasStatus(200)
                .hasJsonPath("$.count", 3)
                .hasJsonPath("$.results[0].title", "a " + word)
                .hasJsonPath("$.results[1].title", "b " + word);
        assertThat(client.get(list).send()).as("-created_at by default").hasJsonPath("$.results[0].title", "c " + word);
        assertThat(client.get(list + "&draft=true").send())
                .hasJsonPath("$.count", 1)
                .hasJsonPath("$.results[0].title", "c " + word);
        assertThat(client.get(list + "&draft=false&publish_date__gte=2025-01-01")
                        .send())
                .hasJsonPath("$.count", 1)
                .hasJsonPath("$.results[0].title", "a " + word);

        TestResponse page = client.get(list + "&ordering=-title&page_size=2").send();
        assertThat(page)
                .hasJsonPath("$.count", 3)
                .hasJsonPath("$.results[0].title", "c " + word)
                .hasJsonPath("$.results[1].title", "b " + word)
                .doesNotHaveJsonPath("$.results[2]");
        assertThat(page.json().path("next").asText()).startsWith("http://localhost/api/posts/?");
        assertThat(client.get(list + "&ordering=-title&page_size=2&page=2").send())
                .hasJsonPath("$.results[0].title", "a " + word)
                .doesNotHaveJsonPath("$.results[1]");

        // as DRF: a page size past the maximum is clamped to it, not refused
        assertThat(client.get(list + "&page_size=101").send()).hasJsonPath("$.count", 3);
        assertThat(client.get(list + "&publish_date__gte=yesterday").send()).isProblem(400);
        assertThat(client.get(list + "&author=me").send()).isProblem(400);
    }

    @Test
    void employeesFilterBySalaryHireDateAndDepartment() {
        String department = unique();
        for (String e : new String[] {
            "{\"name\":\"Ada\",\"salary\":5000.00,\"hire_date\":\"2020-01-15\"",
            "{\"name\":\"Grace\",\"salary\":7000.50,\"hire_date\":\"2022-03-01\"",
            "{\"name\":\"Linus\",\"salary\":9000,\"hire_date\":\"2024-07-01\""
        }) {
            assertThat(client.post("/api/employees/")
                            .json(e + ",\"department\":\"" + department + "\"}")
                            .send())
                    .hasStatus(201);
        }
        String list = "/api/employees/?department=" + department;
        assertThat(client.get(list).send()).hasJsonPath("$.count", 3);
        assertThat(client.get(list + "&salary__gte=6000&salary__lte=9000&ordering=-salary")
                        .send())
                .hasJsonPath("$.count", 2)
                .hasJsonPath("$.results[0].name", "Linus")
                .hasJsonPath("$.results[0].salary", 9000)
                .hasJsonPath("$.results[1].name", "Grace")
                .hasJsonPath("$.results[1].salary", 7000.5);
        assertThat(client.get(list + "&hire_date__gte=2022-01-01&ordering=hire_date")
                        .send())
                .hasJsonPath("$.count", 2)
                .hasJsonPath("$.results[0].name", "Grace")
                .hasJsonPath("$.results[1].name", "Linus");
        assertThat(client.get(list + "&page_size=1&ordering=name").send())
                .hasJsonPath("$.results[0].name", "Ada")
                .doesNotHaveJsonPath("$.results[1]");
        assertThat(client.get(list + "&salary__gte=lots").send()).isProblem(400);
        assertThat(client.post("/api/employees/")
                        .json("{\"name\":\"x\",\"department\":\"d\"}")
                        .send())
                .isProblem(400)
                .hasFieldError("salary", "This field is required.");
    }

    @Test
    void schemaEndpointServesYamlAndJson() {
        TestResponse yaml = client.get("/api/schema/").send();
        assertThat(yaml).hasStatus(200).hasHeader("Content-Type", "application/vnd.oai.openapi; charset=utf-8");
        assertThat(yaml.text()).startsWith("openapi: 3.1.0").contains("operationId: listPosts");
        TestResponse json = client.get("/api/schema/").query("format", "json").send();
        assertThat(json).hasContentType("application/vnd.oai.openapi+json");
        assertThat(json.text()).contains("\"operationId\" : \"retrievePost\"");
        assertThat(client.get("/api/schema/")
                        .header("Accept", "application/vnd.oai.openapi+json")
                        .send())
                .hasBody(json.text());
        assertThat(client.get("/api/schema/?format=xml").send()).isProblem(404);
    }

    @Test
    void wrongMethodIs405WithAllowAsTheSeedShows() {
        assertThat(client.delete("/api/hello/ada/").send())
                .hasStatus(405)
                .hasHeader("Allow", "GET, HEAD, OPTIONS")
                .hasBody("{\"detail\":\"Method \\\"DELETE\\\" not allowed.\",\"code\":\"method_not_allowed\"}");
    }

    @Test
    void invalidInputIs400NamingTheField() {
        assertThat(client.post("/api/posts/")
                        .json("{\"title\":\"x\",\"content\":\"y\",\"author\":\"me\"}")
                        .send())
                .isProblem(400)
                .hasFieldError("author", "Unknown field.");
    }

    @Test
    void aPatchClearsThePublishDateWithNullAsJsonAndAsAForm() {
        String item = "/api/posts/"
                + id(client.post("/api/posts/")
                        .json("{\"title\":\"Dated\",\"content\":\"c\",\"publish_date\":\"2050-03-08\"}")
                        .send())
                + "/";
        assertThat(client.patch(item).json("{\"content\":\"d\"}").send()).hasJsonPath("$.publish_date", "2050-03-08");
        assertThat(client.patch(item).json("{\"publish_date\":null}").send())
                .hasStatus(200)
                .hasJsonPath("$.publish_date", null)
                .hasJsonPath("$.content", "d")
                .hasJsonPath("$.version", 3);
        assertThat(client.get(item).send()).hasJsonPath("$.publish_date", null);

        assertThat(client.patch(item).form(Map.of("publish_date", "2051-01-02")).send())
                .hasJsonPath("$.publish_date", "2051-01-02");
        assertThat(client.patch(item).form(Map.of("publish_date", "")).send())
                .hasStatus(200)
                .hasJsonPath("$.publish_date", null)
                .hasJsonPath("$.version", 5);
        assertThat(client.patch(item).json("{\"publish_date\":\"soon\"}").send())
                .isProblem(400)
                .hasFieldError("publish_date");
    }

    @Test
    void postsAcceptAnHtmlFormAsWellAsJson() {
        assertThat(client.post("/api/posts/")
                        .form(Map.of("title", "From a form", "content", "caf\u00e9"))
                        .send())
                .hasStatus(201)
                .hasJsonPath("$.title", "From a form")
                .hasJsonPath("$.content", "caf\u00e9");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        String longTitle = "x".repeat(51);
        assertThat(client.post("/api/posts/")
                        .json("{\"title\":\"" + longTitle + "\"}")
                        .send())
                .isProblem(400)
                .hasFieldError("content", "This field is required.");
        assertThat(client.post("/api/posts/")
                        .json("{\"title\":\"" + longTitle + "\",\"content\":\"\"}")
                        .send())
                .hasJson("{\"detail\":\"Invalid input.\",\"code\":\"invalid\","
                        + "\"errors\":{\"title\":[\"Ensure this field has no more than 50 characters.\"]}}");
    }

    @Test
    void aFileUploadArrivesAsAFileWithItsNote() {
        TestResponse response = client.post("/api/uploads/")
                .multipart(Multipart.create()
                        .file("file", "../../notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
                        .field("note", "first draft"))
                .send();
        assertThat(response)
                .hasStatus(201)
                .hasBody("{\"name\":\"notes.txt\",\"content_type\":\"text/plain\",\"size\":5,"
                        + "\"sha256\":\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\","
                        + "\"note\":\"first draft\"}");
        assertThat(client.post("/api/uploads/").json("{}").send()).isProblem(415);
    }

    @Test
    void aListAnswersOnlyHostsAllowedByConfiguration() {
        assertThat(client.get("/api/posts/").header("Host", "evil.example").send())
                .isProblem(400)
                .hasDetail("Invalid Host header.");
    }
}
