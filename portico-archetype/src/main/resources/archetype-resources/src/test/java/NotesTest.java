package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.User;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notes API, in-process through portico-test (the whole request pipeline, no socket) on a fresh H2 database for
 * the class: who may call it, CRUD, filters and pages, another user's notes, and the error format.
 */
@PorticoTest
class NotesTest {
    private static TestAccounts accounts;
    private static User ada;
    private PorticoClient anonymous;
    private PorticoClient asAda;
    private PorticoClient asGrace;

    @App
    static Portico app(TestSetup setup) {
        Portico app = TestApp.build(setup);
        // users made as `./manage createuser` makes them; client.as(user) signs in with a token minted for the user
        accounts = setup.closeAfterAll(TestAccounts.on(app.config()));
        setup.clients(client -> client.impersonation(accounts.jwt()));
        return app;
    }

    @BeforeAll
    static void users() {
        ada = accounts.createUser("ada");
        accounts.createUser("grace");
    }

    /** Each test gets new clients: one with no credentials, one signed in as ada, one as grace. */
    @BeforeEach
    void clients(PorticoClient client) {
        anonymous = client;
        asAda = client.fork().as(ada);
        asGrace = client.fork().as("grace");
    }

    @Test
    void notesNeedACaller() {
        assertThat(anonymous.get("/api/notes/").send()).isProblem(401).hasCode("not_authenticated");
        assertThat(anonymous
                        .post("/api/notes/")
                        .json("{\"title\":\"Anonymous\",\"body\":\"x\"}")
                        .send())
                .isProblem(401);
    }

    @Test
    void theAdminSiteIsForStaffOnly() {
        // the notes are registered in the admin at /admin/: anyone not signed in is sent to its sign-in page
        TestResponse admin =
                anonymous.get("/admin/notes/").header("Accept", "text/html").send();
        assertThat(admin).hasStatus(303);
        assertThat(admin.header("Location")).contains("/admin/login/?next=%2Fadmin%2Fnotes%2F");
    }

    @Test
    void createReadChangeAndDeleteANote() {
        TestResponse created = asAda.post("/api/notes/")
                .json("{\"title\":\"Shopping\",\"body\":\"milk\"}")
                .send();
        assertThat(created).hasStatus(201).hasJsonPath("$.done", false).hasJsonPath("$.owner", ada.id());

        String note = "/api/notes/" + id(created) + "/";
        assertThat(asAda.get(note).send()).hasStatus(200).hasJsonPath("$.body", "milk");
        assertThat(asAda.patch(note).json("{\"done\":true}").send())
                .hasStatus(200)
                .hasJsonPath("$.done", true)
                .hasJsonPath("$.title", "Shopping");

        assertThat(asAda.delete(note).send()).hasStatus(204);
        assertThat(asAda.get(note).send()).isProblem(404);
    }

    @Test
    void listsFilterAndPage() {
        PorticoClient owner = anonymous.fork().as(accounts.createUser("lister"));
        for (int i = 1; i <= 12; i++) {
            boolean done = i % 3 == 0;
            assertThat(owner.post("/api/notes/")
                            .json(Map.of("title", "Note " + i, "body", "b", "done", done))
                            .send())
                    .hasStatus(201);
        }
        TestResponse first = owner.get("/api/notes/").query("ordering", "id").send();
        assertThat(first)
                .hasStatus(200)
                .hasJsonPath("$.count", 12)
                .satisfiesJsonPath("$.results", results -> assertThat(results).hasSize(10))
                .satisfiesJsonPath("$.next", next -> assertThat(next.asText()).contains("page=2"));
        assertThat(owner.get("/api/notes/")
                        .query("ordering", "id")
                        .query("page", 2)
                        .send())
                .satisfiesJsonPath("$.results", results -> assertThat(results).hasSize(2));

        assertThat(titles(owner.get("/api/notes/")
                        .query("done", true)
                        .query("ordering", "id")
                        .send()))
                .containsExactly("Note 3", "Note 6", "Note 9", "Note 12");
        assertThat(titles(owner.get("/api/notes/")
                        .query("title__icontains", "note 1")
                        .query("ordering", "id")
                        .send()))
                .containsExactly("Note 1", "Note 10", "Note 11", "Note 12");
    }

    @Test
    void anotherUsersNotesAreNotFound() {
        TestResponse created = asAda.post("/api/notes/")
                .json("{\"title\":\"Private\",\"body\":\"x\"}")
                .send();
        String note = "/api/notes/" + id(created) + "/";
        assertThat(asGrace.get(note).send()).isProblem(404);
        assertThat(asGrace.patch(note).json("{\"done\":true}").send()).isProblem(404);
        assertThat(asGrace.delete(note).send()).isProblem(404);
        assertThat(asGrace.get("/api/notes/").query("title", "Private").send()).hasJsonPath("$.count", 0);
        assertThat(asAda.get(note).send()).as("nothing changed by grace").hasJsonPath("$.done", false);
    }

    @Test
    void anApiKeyActsAsItsUser() {
        User keyholder = accounts.createUser("keyholder");
        PorticoClient key = anonymous.fork().withApiKey(accounts.apiKey(keyholder));
        assertThat(key.post("/api/notes/")
                        .json("{\"title\":\"By key\",\"body\":\"x\"}")
                        .send())
                .hasStatus(201)
                .hasJsonPath("$.owner", keyholder.id());
        assertThat(key.get("/api/notes/").send()).hasJsonPath("$.count", 1);
        assertThat(anonymous
                        .get("/api/notes/")
                        .withApiKey("k-0000000000000000:wrong")
                        .send())
                .isProblem(401);
    }

    @Test
    void aPasswordGivesATokenOrASession() {
        TestResponse token = anonymous
                .post("/auth/obtain_token/")
                .json(Map.of("username", "ada", "password", TestAccounts.PASSWORD))
                .send();
        assertThat(token).hasStatus(200).hasJsonPath("$.access");
        PorticoClient bearer =
                anonymous.fork().withJwt(token.json().path("access").asText());
        assertThat(bearer.get("/api/notes/").send()).hasStatus(200);

        // the session login a browser does; the client sends the CSRF token with the POST
        PorticoClient session = anonymous.fork().login("grace", TestAccounts.PASSWORD);
        assertThat(session.post("/api/notes/")
                        .json("{\"title\":\"From the browser\",\"body\":\"x\"}")
                        .send())
                .hasStatus(201);
        assertThat(anonymous
                        .post("/auth/obtain_token/")
                        .json(Map.of("username", "ada", "password", "wrong"))
                        .send())
                .isProblem(401);
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertThat(asAda.post("/api/notes/")
                        .json("{\"title\":\"\",\"body\":\"x\"}")
                        .send())
                .isProblem(400)
                .hasFieldError("title");
        assertThat(asAda.post("/api/notes/").json("{\"title\":\"No body\"}").send())
                .isProblem(400)
                .hasFieldError("body");
        assertThat(asAda.post("/api/notes/").json("{not json").send()).isProblem(400);
    }

    private static String id(TestResponse created) {
        return created.json().path("id").asText();
    }

    private static List<String> titles(TestResponse list) {
        assertThat(list).hasStatus(200);
        return list.json().path("results").findValuesAsText("title");
    }
}
