package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes API over real HTTP: who may call it, CRUD, filters and pages, and the error format. */
class NotesTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static String ada;
    static String grace;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        server.createUser("ada");
        server.createUser("grace");
        ada = "Bearer " + server.token("ada");
        grace = "Bearer " + server.token("grace");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthNeedsNoCaller() {
        assertThat(server.send("GET", "/health", null, null).json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void notesNeedACaller() {
        TestServer.Answer answer = server.send("GET", "/api/notes/", null, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().has("detail")).as(answer.body()).isTrue();
    }

    @Test
    void createReadChangeAndDeleteANote() {
        TestServer.Answer created = server.send("POST", "/api/notes/", ada, "{\"title\":\"Shopping\",\"body\":\"milk\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("done").asBoolean()).isFalse();

        String path = "/api/notes/" + id + "/";
        assertThat(server.send("GET", path, ada, null).json().get("body").asText()).isEqualTo("milk");
        TestServer.Answer patched = server.send("PATCH", path, ada, "{\"done\":true}");
        assertThat(patched.json().get("done").asBoolean()).as(patched.body()).isTrue();
        assertThat(patched.json().get("title").asText()).isEqualTo("Shopping");

        assertThat(server.send("DELETE", path, ada, null).status()).isEqualTo(204);
        assertThat(server.send("GET", path, ada, null).status()).isEqualTo(404);
    }

    @Test
    void listsFilterAndPage() {
        String owner = "Bearer " + tokenOfNewUser("lister");
        for (int i = 1; i <= 12; i++) {
            String done = i % 3 == 0 ? "true" : "false";
            server.send("POST", "/api/notes/", owner, "{\"title\":\"Note " + i + "\",\"body\":\"b\",\"done\":" + done + "}");
        }
        JsonNode first = server.send("GET", "/api/notes/?ordering=id", owner, null).json();
        assertThat(first.get("count").asInt()).isEqualTo(12);
        assertThat(first.get("results")).hasSize(10);
        assertThat(first.get("next").asText()).contains("page=2");

        JsonNode second = server.send("GET", "/api/notes/?ordering=id&page=2", owner, null).json();
        assertThat(second.get("results")).hasSize(2);

        JsonNode done = server.send("GET", "/api/notes/?done=true&ordering=id", owner, null).json();
        assertThat(done.get("results").findValuesAsText("title")).containsExactly("Note 3", "Note 6", "Note 9", "Note 12");
        JsonNode search = server.send("GET", "/api/notes/?title__icontains=note%201&ordering=id", owner, null).json();
        assertThat(search.get("results").findValuesAsText("title")).containsExactly("Note 1", "Note 10", "Note 11", "Note 12");
    }

    @Test
    void anotherUsersNotesAreNotFound() {
        long id = server.send("POST", "/api/notes/", ada, "{\"title\":\"Private\",\"body\":\"x\"}").json().get("id").asLong();
        assertThat(server.send("GET", "/api/notes/" + id + "/", grace, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/notes/?title=Private", grace, null).json().get("count").asInt()).isZero();
    }

    @Test
    void anApiKeyActsAsItsUser() {
        long userId = server.createUser("keyholder").id();
        String key = "Api-Key " + server.apiKey(userId);
        assertThat(server.send("POST", "/api/notes/", key, "{\"title\":\"By key\",\"body\":\"x\"}").status()).isEqualTo(201);
        assertThat(server.send("GET", "/api/notes/", key, null).json().get("count").asInt()).isEqualTo(1);
        assertThat(server.send("GET", "/api/notes/", "Api-Key k-0000000000000000:wrong", null).status()).isEqualTo(401);
    }

    @Test
    void badInputIsA400NamingTheField() {
        TestServer.Answer answer = server.send("POST", "/api/notes/", ada, "{\"title\":\"\",\"body\":\"x\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("title");
        assertThat(server.send("POST", "/api/notes/", ada, "{not json").status()).isEqualTo(400);
    }

    private static String tokenOfNewUser(String username) {
        server.createUser(username);
        return server.token(username);
    }
}
