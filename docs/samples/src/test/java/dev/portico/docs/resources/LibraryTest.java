package dev.portico.docs.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.MigrateCommand;
import dev.portico.docs.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/resources.md: the books resource on an in-memory H2 migrated at start, driven over HTTP. */
class LibraryTest {
    private static Portico app;
    private static Http http;

    static String memoryUrl() {
        return "jdbc:h2:mem:books-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    @BeforeAll
    static void start() {
        PorticoConfig config = DatabaseSettings.register(PorticoConfig.builder())
                .set(Settings.SERVER_PORT, 0)
                .set(DatabaseSettings.URL, memoryUrl())
                .set(DatabaseSettings.MIGRATIONS, "db/books")
                .build();
        app = Library.app(config).build().start();
        http = new Http(app.port());
        for (String[] b : new String[][] {{"Dune", "Herbert", "412"}, {"Emma", "Austen", "474"},
                {"Persuasion", "Austen", "249"}, {"Ubik", "Dick", "202"}}) {
            assertThat(http.json("/api/books/", "{\"title\":\"" + b[0] + "\",\"author\":\"" + b[1] + "\",\"pages\":"
                    + b[2] + "}").statusCode()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void createRetrieveUpdateDelete() {
        HttpResponse<String> created = http.json("/api/books/", "{\"title\":\"Kindred\",\"author\":\"Butler\",\"pages\":264}");
        System.out.println("created: " + created.statusCode() + " " + created.headers().map() + " " + created.body());
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.replaceFirst("^https?://[^/]+", "");
        HttpResponse<String> patched = http.send(http.request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"pages\":265}")).build());
        System.out.println("patched: " + patched.statusCode() + " " + patched.headers().firstValue("ETag") + " " + patched.body());
        assertThat(patched.body()).contains("\"pages\":265").contains("\"version\":2");
        HttpResponse<String> stale = http.send(http.request(path).header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"K\",\"author\":\"B\",\"pages\":1}")).build());
        System.out.println("stale: " + stale.statusCode() + " " + stale.body());
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(http.send(http.request(path).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(http.get(path).statusCode()).isEqualTo(404);
        HttpResponse<String> invalid = http.json("/api/books/", "{\"title\":\"\",\"author\":\"x\",\"pages\":0}");
        System.out.println("invalid: " + invalid.body());
        assertThat(invalid.statusCode()).isEqualTo(400);
    }

    @Test
    void filtersSearchOrderingAndPages() {
        HttpResponse<String> austen = http.get("/api/books/?author=Austen&ordering=-pages");
        System.out.println("austen: " + austen.body());
        assertThat(austen.body()).contains("\"count\":2").containsSubsequence("Emma", "Persuasion");
        assertThat(http.get("/api/books/?pages__gte=300&pages__lte=450").body()).contains("\"count\":1").contains("Dune");
        assertThat(http.get("/api/books/?author__in=Dick,Herbert").body()).contains("\"count\":2");
        assertThat(http.get("/api/books/?search=aus").body()).contains("\"count\":2");
        assertThat(http.get("/api/books/?title__icontains=u").body()).contains("Dune").contains("Ubik");
        HttpResponse<String> page = http.get("/api/books/?page_size=2&page=1");
        System.out.println("page: " + page.body());
        assertThat(page.body()).contains("\"next\":\"http://localhost:" + app.port() + "/api/books/?page_size=2&page=2\"")
                .containsSubsequence("Dune", "Emma");
        HttpResponse<String> unknown = http.get("/api/books/?colour=red");
        System.out.println("unknown: " + unknown.statusCode() + " " + unknown.body());
        HttpResponse<String> badOrder = http.get("/api/books/?ordering=created_at");
        System.out.println("badOrder: " + badOrder.statusCode() + " " + badOrder.body());
        HttpResponse<String> badNumber = http.get("/api/books/?pages__gte=many");
        System.out.println("badNumber: " + badNumber.statusCode() + " " + badNumber.body());
        assertThat(badNumber.statusCode()).isEqualTo(400);
    }

    @Test
    void theMigrateCommand() {
        String url = memoryUrl();
        // region manage
        Manage manage = Manage.create(Library::app)
                .settings(DatabaseSettings::register);
        manage.command(MigrateCommand.create(manage::config));
        // endregion manage
        manage.settings(b -> DatabaseSettings.register(b).set(DatabaseSettings.URL, url)
                .set(DatabaseSettings.MIGRATIONS, "db/books"));
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
