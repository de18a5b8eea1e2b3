package dev.portico.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.error.ApiException;
import dev.portico.http.Middleware;
import dev.portico.http.Response;
import dev.portico.testing.TestCaller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every place a request is refused, over a real socket, on endpoints with no authenticators, a session alone
 * (no challenge), a bearer token (a challenge), and both: the status, the code and whether {@code WWW-Authenticate}
 * goes out. The paths: a permission of the endpoint, an object permission in the handler, a required caller
 * parameter, bad credentials, a refusal the handler throws itself, and an object permission under a middleware of
 * the endpoint that answers errors itself (as the HTML pages do). A 401 never leaves without a challenge.
 */
class RefusalOverHttpTest {
    record Note(String owner) {}

    private static final Note ALICES = new Note("alice");
    private static final ObjectPermission<Note> OWNER = ObjectPermission.isOwner(Note::owner);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, Portico> APPS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        APPS.put("none", app(List.of()));
        APPS.put("session", app(List.of(TestCaller.session())));
        APPS.put("bearer", app(List.of(TestCaller.bearer())));
        APPS.put("session+bearer", app(List.of(TestCaller.session(), TestCaller.bearer())));
    }

    @AfterAll
    static void stop() {
        APPS.values().forEach(Portico::stop);
    }

    private static Portico app(List<Authenticator> authenticators) {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.SERVER_PORT, 0)
                .build();
        Permission alice = request ->
                request.principal().filter(p -> p.id().equals("alice")).isPresent();
        Portico.Builder builder = Portico.builder()
                .config(config)
                .shutdownHook(false)
                .authenticators(authenticators.toArray(Authenticator[]::new))
                .get("/permission/", String.class, r -> "ok", e -> e.permissions(alice))
                .get(
                        "/object/",
                        Note.class,
                        r -> {
                            OWNER.check(r, ALICES);
                            return ALICES;
                        },
                        e -> e.permissions())
                .get(
                        "/thrown/",
                        String.class,
                        r -> {
                            if (!alice.allows(r)) {
                                throw Permission.refusal(r);
                            }
                            return "ok";
                        },
                        e -> e.permissions())
                .get(
                        "/wrapped/",
                        Note.class,
                        r -> {
                            OWNER.check(r, ALICES);
                            return ALICES;
                        },
                        e -> e.permissions().middleware(errorsAsPages()))
                .get("/open/", String.class, r -> "ok", e -> e.permissions());
        if (!authenticators.isEmpty()) {
            builder.get(
                    "/caller/",
                    String.class,
                    r -> ((TestCaller) r.input("caller")).id(),
                    e -> e.caller(TestCaller.class).permissions());
        }
        return builder.build().start();
    }

    /** As the HTML pages' middleware: an error below it answered as a page, with its status and headers. */
    private static Middleware errorsAsPages() {
        return next -> request -> {
            try {
                return next.handle(request);
            } catch (ApiException e) {
                Response page = Response.of(
                        e.status(),
                        "text/html; charset=utf-8",
                        ("<p>" + e.code() + "</p>").getBytes(StandardCharsets.UTF_8));
                e.headers().forEach(page::header);
                return page;
            }
        };
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3} {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
        # authenticators | path         | caller    | status | code                  | challenge
        none             | /permission/ | anonymous | 403    | permission_denied     | -
        none             | /object/     | anonymous | 403    | permission_denied     | -
        none             | /thrown/     | anonymous | 403    | permission_denied     | -
        none             | /wrapped/    | anonymous | 403    | permission_denied     | -
        none             | /open/       | bad       | 200    | -                     | -
        session          | /permission/ | anonymous | 403    | not_authenticated     | -
        session          | /permission/ | known     | 403    | permission_denied     | -
        session          | /object/     | anonymous | 403    | not_authenticated     | -
        session          | /object/     | known     | 403    | permission_denied     | -
        session          | /caller/     | anonymous | 403    | not_authenticated     | -
        session          | /caller/     | known     | 200    | -                     | -
        session          | /thrown/     | anonymous | 403    | not_authenticated     | -
        session          | /thrown/     | known     | 403    | permission_denied     | -
        session          | /wrapped/    | anonymous | 403    | not_authenticated     | -
        session          | /wrapped/    | known     | 403    | permission_denied     | -
        session          | /open/       | bad       | 403    | authentication_failed | -
        bearer           | /permission/ | anonymous | 401    | not_authenticated     | Bearer realm="api"
        bearer           | /permission/ | known     | 403    | permission_denied     | -
        bearer           | /object/     | anonymous | 401    | not_authenticated     | Bearer realm="api"
        bearer           | /object/     | known     | 403    | permission_denied     | -
        bearer           | /caller/     | anonymous | 401    | not_authenticated     | Bearer realm="api"
        bearer           | /caller/     | known     | 200    | -                     | -
        bearer           | /thrown/     | anonymous | 401    | not_authenticated     | Bearer realm="api"
        bearer           | /thrown/     | known     | 403    | permission_denied     | -
        bearer           | /wrapped/    | anonymous | 401    | not_authenticated     | Bearer realm="api"
        bearer           | /wrapped/    | known     | 403    | permission_denied     | -
        bearer           | /open/       | bad       | 401    | authentication_failed | Bearer realm="api"
        session+bearer   | /permission/ | anonymous | 401    | not_authenticated     | Bearer realm="api"
        session+bearer   | /permission/ | known     | 403    | permission_denied     | -
        session+bearer   | /object/     | anonymous | 401    | not_authenticated     | Bearer realm="api"
        session+bearer   | /caller/     | anonymous | 401    | not_authenticated     | Bearer realm="api"
        session+bearer   | /wrapped/    | anonymous | 401    | not_authenticated     | Bearer realm="api"
        session+bearer   | /open/       | bad       | 401    | authentication_failed | Bearer realm="api"
        """)
    void eachRefusalOverTheWire(
            String authenticators, String path, String caller, int status, String code, String challenge)
            throws Exception {
        HttpResponse<String> response = send(authenticators, path, caller);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(challenge.equals("-") ? Optional.empty() : Optional.of(challenge));
        if (!code.equals("-")) {
            assertThat(codeOf(response)).isEqualTo(code);
        }
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as("RFC 9110: a 401 names a challenge")
                    .isPresent();
        }
    }

    @Test
    void theSentencesAreDrfs() throws Exception {
        assertThat(JSON.readTree(send("bearer", "/object/", "anonymous").body())
                        .get("detail")
                        .asText())
                .isEqualTo("Authentication credentials were not provided.");
        assertThat(JSON.readTree(send("session", "/object/", "anonymous").body())
                        .get("detail")
                        .asText())
                .isEqualTo("Authentication credentials were not provided.");
        assertThat(JSON.readTree(send("none", "/object/", "anonymous").body())
                        .get("detail")
                        .asText())
                .isEqualTo("You do not have permission to perform this action.");
        assertThat(JSON.readTree(send("bearer", "/object/", "known").body())
                        .get("detail")
                        .asText())
                .isEqualTo("You do not have permission to perform this action.");
    }

    @Test
    void aRequiredCallerWhereNothingAuthenticatesFailsTheBuild() {
        assertThatThrownBy(() -> Portico.builder()
                        .config(PorticoConfig.defaults())
                        .shutdownHook(false)
                        .get("/caller/", String.class, r -> "x", e -> e.caller(TestCaller.class))
                        .build())
                .hasMessageContaining("has no authenticators, so every request would be refused");
    }

    private static HttpResponse<String> send(String authenticators, String path, String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + APPS.get(authenticators).port() + path));
        if (!caller.equals("anonymous")) {
            String who = caller.equals("known") ? "bob" : "bad";
            if (authenticators.equals("session")) {
                request.header("X-User", who);
            } else {
                request.header("Authorization", "Bearer " + who);
            }
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The error's code: from the JSON body, or from the page the middleware wrote. */
    private static String codeOf(HttpResponse<String> response) throws Exception {
        String body = response.body();
        if (body.startsWith("<p>")) {
            return body.substring(3, body.indexOf("</p>"));
        }
        JsonNode json = JSON.readTree(body);
        return json.get("code").asText();
    }
}
