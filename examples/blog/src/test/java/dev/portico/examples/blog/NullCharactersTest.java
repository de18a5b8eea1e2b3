package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.Multipart;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17's NUL bytes against the example's resources, on H2 here and on PostgreSQL in
 * {@link NullCharactersPostgresTest} (where NUL in text was a 500): every filter and search parameter, JSON and
 * form fields, a path segment and a header are a 400 {@code null_characters_not_allowed} naming the field, and
 * nothing is stored.
 */
@PorticoTest
class NullCharactersTest {
    private static final String NUL = "Null characters are not allowed.";
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
        accounts.createUser("nul-writer");
    }

    @BeforeEach
    void signIn(PorticoClient client) {
        this.client = client.as("nul-writer");
    }

    private static void refused(TestResponse response, String field) {
        assertThat(response)
                .hasStatus(400)
                .hasJsonPath("$.code", "null_characters_not_allowed")
                .satisfiesJsonPath(
                        "$.errors",
                        errors -> assertThat(errors.path(field).path(0).asText())
                                .as(errors.toString())
                                .isEqualTo(NUL));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "title",
                "title__icontains",
                "search",
                "ordering",
                "draft",
                "publish_date",
                "publish_date__gte",
                "publish_date__lte",
                "publish_date__isnull",
                "created_at__gte",
                "created_at__lt",
                "page",
                "page_size"
            })
    void everyParameterOfThePostsListRefusesNul(String name) {
        refused(client.get("/api/posts/").query(name, "a\0b").send(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"department", "department__in", "name__icontains", "search", "salary__gte"})
    void everyParameterOfTheEmployeesListRefusesNul(String name) {
        refused(client.get("/api/employees/").query(name, "\0").send(), name);
    }

    @Test
    void jsonAndFormFieldsRefuseNulAndNothingIsStored() {
        refused(
                client.post("/api/posts/")
                        .json(Map.of("title", "nul\0title", "content", "c"))
                        .send(),
                "title");
        refused(
                client.post("/api/posts/")
                        .form(Map.of("title", "nultitle", "content", "c\0"))
                        .send(),
                "content");
        refused(
                client.post("/api/posts/")
                        .multipart(
                                Multipart.create().field("title", "nul\0title").field("content", "c"))
                        .send(),
                "title");
        refused(
                client.post("/api/employees/")
                        .json(Map.of("name", "n\0", "department", "d", "salary", 1, "hire_date", "2024-01-01"))
                        .send(),
                "name");
        assertThat(client.get("/api/posts/").query("search", "nultitle").send())
                .hasStatus(200)
                .hasJsonPath("$.count", 0);
    }

    @Test
    void anUpdateRefusesNulAndKeepsTheRow() {
        TestResponse created = client.post("/api/posts/")
                .json(Map.of("title", "kept-nul", "content", "c"))
                .send();
        String id = created.json().path("id").asText();
        refused(
                client.patch("/api/posts/" + id + "/")
                        .json(Map.of("title", "x\0"))
                        .send(),
                "title");
        assertThat(client.get("/api/posts/" + id + "/").send()).hasStatus(200).hasJsonPath("$.title", "kept-nul");
    }

    @Test
    void aPathSegmentAndAHeaderRefuseNul() {
        refused(client.get("/api/hello/a%00b/").send(), "name");
        refused(
                client.get("/api/posts/")
                        .anonymous()
                        .header("Authorization", "Bearer a\0b")
                        .send(),
                "Authorization");
    }
}
