package dev.portico.docs.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.data.DatabaseSettings;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/resources.md: the books resource on the class's fresh H2, migrated at start, driven in-process. */
@PorticoTest
class LibraryTest {

    static String memoryUrl() {
        return "jdbc:h2:mem:books-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    @App
    static Portico app(TestSetup setup) {
        return Library.app(setup.config()
                        .set(DatabaseSettings.MIGRATIONS, "db/books")
                        .build())
                .build();
    }

    @BeforeAll
    static void books(PorticoClient client) {
        for (String[] b : new String[][] {
            {"Dune", "Herbert", "412"},
            {"Emma", "Austen", "474"},
            {"Persuasion", "Austen", "249"},
            {"Ubik", "Dick", "202"}
        }) {
            assertThat(client.post("/api/books/")
                            .json("{\"title\":\"" + b[0] + "\",\"author\":\"" + b[1] + "\",\"pages\":" + b[2] + "}")
                            .send())
                    .hasStatus(201);
        }
    }

    @Test
    void createRetrieveUpdateDelete(PorticoClient client) {
        TestResponse created = client.post("/api/books/")
                .json("{\"title\":\"Kindred\",\"author\":\"Butler\",\"pages\":264}")
                .send();
        assertThat(created).hasStatus(201).hasHeader("Location");
        String path = created.header("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(client.patch(path).json("{\"pages\":265}").send())
                .hasStatus(200)
                .hasHeader("ETag")
                .hasJsonPath("$.pages", 265)
                .hasJsonPath("$.version", 2);
        assertThat(client.put(path)
                        .header("If-Match", "\"1\"")
                        .json("{\"title\":\"K\",\"author\":\"B\",\"pages\":1}")
                        .send())
                .isProblem(412);
        assertThat(client.delete(path).send()).hasStatus(204);
        assertThat(client.get(path).send()).isProblem(404);
        assertThat(client.post("/api/books/")
                        .json("{\"title\":\"\",\"author\":\"x\",\"pages\":0}")
                        .send())
                .isProblem(400)
                .hasErrorsOnlyOn("title", "pages");
    }

    @Test
    void filtersSearchOrderingAndPages(PorticoClient client) {
        TestResponse austen = client.get("/api/books/")
                .query("author", "Austen")
                .query("ordering", "-pages")
                .send();
        assertThat(austen)
                .hasJsonPath("$.count", 2)
                .hasJsonPath("$.results[0].title", "Emma")
                .hasJsonPath("$.results[1].title", "Persuasion");
        assertThat(client.get("/api/books/")
                        .query("pages__gte", 300)
                        .query("pages__lte", 450)
                        .send())
                .hasJsonPath("$.count", 1)
                .hasJsonPath("$.results[0].title", "Dune");
        assertThat(client.get("/api/books/").query("author__in", "Dick,Herbert").send())
                .hasJsonPath("$.count", 2);
        assertThat(client.get("/api/books/").query("search", "aus").send()).hasJsonPath("$.count", 2);
        assertThat(client.get("/api/books/")
                        .query("title__icontains", "u")
                        .send()
                        .text())
                .contains("Dune")
                .contains("Ubik");
        assertThat(client.get("/api/books/")
                        .query("page_size", 2)
                        .query("page", 1)
                        .send())
                .hasJsonPath("$.next", "http://localhost/api/books/?page_size=2&page=2")
                .hasJsonPath("$.results[0].title", "Dune")
                .hasJsonPath("$.results[1].title", "Emma");
        assertThat(client.get("/api/books/").query("colour", "red").send())
                .isProblem(400)
                .hasFieldError("colour", "Unknown query parameter.");
        assertThat(client.get("/api/books/").query("ordering", "created_at").send())
                .isProblem(400)
                .satisfies(r -> assertThat(r.text()).contains("\\\"created_at\\\" is not a field you can order by."));
        assertThat(client.get("/api/books/").query("pages__gte", "many").send())
                .isProblem(400)
                .satisfies(r -> assertThat(r.text()).contains("A valid integer is required."));
    }

    @Test
    void theMigrateCommand() {
        String url = memoryUrl();
        // region manage
        Manage manage = Manage.create(Library::app); // migrate comes with the installed database
        // endregion manage
        manage.settings(b -> b.set(DatabaseSettings.URL, url).set(DatabaseSettings.MIGRATIONS, "db/books"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = manage.run(new String[] {"migrate"}, new PrintWriter(out, true), new PrintWriter(err, true));
        System.out.println("migrate: " + code + " " + out + " / " + err);
        assertThat(code).isZero();
        out.getBuffer().setLength(0);
        code = manage.run(new String[] {"migrate", "--info"}, new PrintWriter(out, true), new PrintWriter(err, true));
        System.out.println("migrate --info: " + code + " " + out + " / " + err);
        assertThat(out.toString()).contains("books");
    }
}
