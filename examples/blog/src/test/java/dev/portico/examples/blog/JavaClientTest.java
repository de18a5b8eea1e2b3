package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.auth.accounts.User;
import dev.portico.client.ApiClient;
import dev.portico.client.ApiConnectionException;
import dev.portico.client.ApiErrorException;
import dev.portico.client.ApiSession;
import dev.portico.client.ClientFile;
import dev.portico.client.Outcome;
import dev.portico.client.RemoteMethod;
import dev.portico.client.UnknownMethodException;
import dev.portico.config.Naming;
import dev.portico.examples.blog.Home.SiteDescription;
import dev.portico.examples.blog.Home.UserDescription;
import dev.portico.examples.blog.Home.UserFilter;
import dev.portico.http.FormData;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * portico-client against the running example (H2 in a temporary folder, a real socket): seed 002's "Using api_api"
 * from Java, with keys made as {@code createuser} and the keys page make them, in a credentials file of the seed's
 * format. The regions are docs/clients.md's samples.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaClientTest {
    private BlogServer server;
    private String root;
    private Path home;
    private User joe;
    private String joeKey;
    private String aliceKey;
    private ApiClient api;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        server = BlogServer.start(BlogDatabases.h2());
        root = "http://127.0.0.1:" + server.port() + "/api";
        joe = BlogUsers.create(server.config, "joebloggs", true); // staff: list_users shows everyone
        User alice = BlogUsers.create(server.config, "alice", true);
        BlogUsers.create(server.config, "zoe", false);
        joeKey = BlogUsers.roleKey(server.config, joe.id(), "reader", Set.of("site:read"));
        aliceKey = BlogUsers.key(server.config, alice.id());
        home = temp;
        Files.createDirectories(home.resolve(".mysite"));
        Files.writeString(
                home.resolve(".mysite/config"),
                "[default]\n"
                        + "access_key_id = " + id(joeKey) + "\naccess_key_secret = " + secret(joeKey) + "\n\n"
                        + "[day to day working]\naccess_key_id = " + id(aliceKey) + "\naccess_key_secret = "
                        + secret(aliceKey)
                        + "\n");
        api = ApiClient.builder(root)
                .home(home)
                .credentialsFile(Path.of("~/.mysite/config"))
                .model(User.class, User::publicId)
                .naming(Naming.SNAKE_CASE)
                .build(); // the blog's json.naming
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String id(String credential) {
        return credential.substring(0, credential.indexOf(':'));
    }

    private static String secret(String credential) {
        return credential.substring(credential.indexOf(':') + 1);
    }

    @Test
    void theSeedsFirstCallWithTheDefaultProfile() {
        String url = root;
        String previousHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString()); // so the sample's ~ is this test's folder
        try {
            // region create
            try (ApiClient api = ApiClient.create(url, List.of(Path.of("~/.mysite/config")))) {
                JsonNode site = api.call("home.describe_site"); // the [default] profile
                System.out.println(site.get("name").asText() + ": "
                        + site.get("users").get("count").asInt() + " users");
            }
            // endregion create
            try (ApiClient api = ApiClient.create(url, List.of(Path.of("~/.mysite/config")))) {
                JsonNode site = api.call("home.describe_site");
                assertThat(site.get("name").asText()).isEqualTo("Blog");
                assertThat(site.get("users").get("count").asInt()).isGreaterThanOrEqualTo(3);
                assertThat(site.get("caller").asText()).isEqualTo("joebloggs");
                assertThat(site.get("role").asText()).isEqualTo("reader");
            }
            try (ApiClient strings = ApiClient.create(url, "~/.mysite/config")) {
                assertThat(strings.call("home.describe_site").get("caller").asText())
                        .isEqualTo("joebloggs");
            }
        } finally {
            System.setProperty("user.home", previousHome);
        }
    }

    @Test
    void sessionsByProfileAndByKeyWithTheirHeaders() {
        String keyId = id(aliceKey);
        String keySecret = secret(aliceKey);
        // region sessions
        ApiSession work = api.session("day to day working"); // a named profile
        ApiSession direct = api.session(keyId, keySecret); // a key you store yourself
        ApiSession traced = work.header("X-Trace", "nightly-report"); // over the client's headers
        // endregion sessions
        assertThat(work.call("home.describe_site").get("caller").asText()).isEqualTo("alice");
        assertThat(direct.call("home.describe_site").get("caller").asText()).isEqualTo("alice");
        assertThat(traced.call("home.describe_site").get("caller").asText()).isEqualTo("alice");
        assertThatThrownBy(() -> api.session("weekend"))
                .hasMessageContaining("no profile [weekend]")
                .hasMessageContaining("[default, day to day working]");
    }

    @Test
    void headersOfTheClientReachTheServerAndTheSessionsOverrideThem() {
        try (ApiClient xml = ApiClient.builder(root)
                .home(home)
                .credentialsFile(Path.of("~/.mysite/config"))
                .header("Accept", "application/xml")
                .build()) {
            // a proxy, so the first request is the call itself (a dynamic call would first read the index)
            ApiErrorException refused = catchThrowableOfType(
                    ApiErrorException.class, () -> xml.proxy(HomeApi.class).describeSite(null));
            assertThat(refused.status()).isEqualTo(406);
            assertThat(xml.session()
                            .header("accept", "application/json")
                            .proxy(HomeApi.class)
                            .describeSite(null)
                            .caller())
                    .isEqualTo("joebloggs");
        }
    }

    @Test
    void dynamicCallsWithArgumentsAndTypedResults() {
        // region dynamic
        JsonNode users = api.call("home.list_users", Map.of("filter", Map.of("name_gt", "a", "name_lt", "p")));
        SiteDescription site = api.call("home.describe_site", Map.of(), SiteDescription.class);
        // endregion dynamic
        assertThat(users.findValuesAsText("username"))
                .contains("alice", "joebloggs")
                .doesNotContain("zoe");
        assertThat(site.caller()).isEqualTo("joebloggs");
        assertThat(site.role()).contains("reader");
        assertThat(api.call("home.list_named_users", Map.of("usernames", List.of("zoe", "nobody", "alice")))
                        .findValuesAsText("username"))
                .containsExactly("zoe", "alice");
        assertThat(api.call("home.list_named_users", Map.of("usernames", List.of()))
                        .size())
                .isZero();
        assertThat(api.call("home.describe_user", Map.of("user", joe.publicId()))
                        .get("username")
                        .asText())
                .isEqualTo("joebloggs");
    }

    @Test
    void everyKindOfArgumentThroughTheExamplesEcho() {
        JsonNode echo = api.anonymous()
                .call(
                        "types.echo",
                        Map.ofEntries(
                                Map.entry("flag", true),
                                Map.entry("count", 3),
                                Map.entry("ratio", 0.5),
                                Map.entry("name", "a&b=c"),
                                Map.entry("data", "hi".getBytes(StandardCharsets.UTF_8)),
                                Map.entry("color", Types.Color.GREEN),
                                Map.entry("when", Instant.ofEpochSecond(1_700_000_000L, 250_000_000)),
                                Map.entry("owner", joe.publicId()),
                                Map.entry("tags", List.of("x", "y")),
                                Map.entry("people", List.of(new Types.Person("ada", 36))),
                                Map.entry("scores", Map.of("alice", 3)),
                                Map.entry("filter", new UserFilter(Optional.of("a"), Optional.empty())),
                                Map.entry("empty", new Types.Empty()),
                                Map.entry("note", Optional.of("n")),
                                Map.entry(
                                        "file",
                                        ClientFile.of("a.txt", "text/plain", "abc".getBytes(StandardCharsets.UTF_8)))));
        assertThat(echo.get("flag").asBoolean()).isTrue();
        assertThat(echo.get("count").asInt()).isEqualTo(3);
        assertThat(echo.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(echo.get("name").asText()).isEqualTo("a&b=c");
        assertThat(echo.get("data").asText()).isEqualTo("aGk=");
        assertThat(echo.get("color").asText()).isEqualTo("GREEN");
        assertThat(Instant.parse(echo.get("when").asText()))
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
        assertThat(echo.get("owner").get("username").asText()).isEqualTo("joebloggs");
        assertThat(echo.get("tags").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(echo.get("people").get(0).get("age").asInt()).isEqualTo(36);
        assertThat(echo.get("scores").get("alice").asInt()).isEqualTo(3);
        assertThat(echo.get("filter").get("name_gt").asText()).isEqualTo("a");
        assertThat(echo.get("empty").isObject()).isTrue();
        assertThat(echo.get("note").asText()).isEqualTo("n");
        assertThat(echo.get("file").get("size").asInt()).isEqualTo(3);
    }

    @Test
    void aTypedProxyFromTheServersOwnInterface() throws Exception {
        // region proxy
        HomeApi home = api.session("day to day working").proxy(HomeApi.class);
        SiteDescription site = home.describeSite(null); // the server fills the caller
        List<UserDescription> users = home.listUsers(null, new UserFilter(Optional.of("a"), Optional.of("p")));
        // endregion proxy
        assertThat(site.caller()).isEqualTo("alice");
        assertThat(users)
                .extracting(UserDescription::username)
                .contains("alice", "joebloggs")
                .doesNotContain("zoe");
        assertThat(home.findUser(null, "joe", "bloggs").id()).isEqualTo(joe.publicId());
        assertThat(home.describeUser(null, joe).username()).isEqualTo("joebloggs"); // a model, by its public id
        assertThat(home.listNamedUsers(null, List.of())).isEmpty();
        Uploads.UploadReceipt receipt = home.upload(
                null,
                ClientFile.of("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                Optional.of("weekly"));
        assertThat(receipt.toString()).contains("notes.txt").contains("weekly");
    }

    @Test
    void theSeedsPropertiesOfAMethod() throws Exception {
        List<String> roots = List.of(root, "http://localhost:" + server.port() + "/api");
        // region per-method
        RemoteMethod<JsonNode> describe = api.method("home.describe_site");
        CompletableFuture<JsonNode> later = describe.callAsync(); // on a virtual thread
        String json = describe.json(); // the raw JSON text
        FormData fields = api.method("home.list_users") // what it would send
                .collate(Map.of("filter", Map.of("name_gt", "a", "name_lt", "p")));
        List<Outcome<JsonNode>> each = describe.broadcast(roots); // every root, in parallel
        // endregion per-method
        assertThat(describe.name()).isEqualTo("home.describe_site");
        assertThat(later.get(10, TimeUnit.SECONDS).get("caller").asText()).isEqualTo("joebloggs");
        assertThat(json).startsWith("{\"name\":\"Blog\"");
        assertThat(fields.fields()).isEqualTo(Map.of("filter.name_gt", List.of("a"), "filter.name_lt", List.of("p")));
        assertThat(each).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.Success.class));
        RemoteMethod<Uploads.UploadReceipt> typed = api.method(HomeApi.class, "upload");
        assertThat(typed.name()).isEqualTo("home.upload");
    }

    @Test
    void broadcastAnswersEachRootsFailureToo() throws Exception {
        int dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = socket.getLocalPort();
        }
        List<Outcome<JsonNode>> each =
                api.method("home.describe_site").broadcast(List.of(root, "http://127.0.0.1:" + dead + "/api"));
        assertThat(each.get(0)).isInstanceOf(Outcome.Success.class);
        assertThat(each.get(1))
                .isInstanceOfSatisfying(
                        Outcome.Failure.class, f -> assertThat(f.error()).isInstanceOf(ApiConnectionException.class));
    }

    @Test
    void errorsCarryTheErrorFormatAndNeverTheSecret() {
        // region errors
        try {
            api.proxy(HomeApi.class).findUser(null, " ", "bloggs");
        } catch (ApiErrorException e) {
            System.out.println(
                    e.status() + " " + e.code().orElse("") + ": " + e.errors().get("firstname"));
        }
        // endregion errors
        ApiErrorException blank = catchThrowableOfType(
                ApiErrorException.class, () -> api.proxy(HomeApi.class).findUser(null, " ", "bloggs"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).contains("invalid");
        assertThat(blank.errors()).containsOnlyKeys("firstname");
        ApiErrorException missing = catchThrowableOfType(
                ApiErrorException.class,
                () -> api.call("home.find_user", Map.of("firstname", "nobody", "lastname", "here")));
        assertThat(missing.status()).isEqualTo(404);

        String wrong = "not-the-secret-0123456789abcdef";
        ApiSession bad = api.session(id(joeKey), wrong);
        Logger logger = (Logger) LoggerFactory.getLogger(RemoteMethod.LOGGER);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            ApiErrorException refused =
                    catchThrowableOfType(ApiErrorException.class, () -> bad.call("home.describe_site"));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(bad.method("home.describe_site").callAsync()).failsWithin(10, TimeUnit.SECONDS);
            assertThat(appender.list).hasSize(1);
            String printed = refused.getMessage()
                    + refused
                    + bad
                    + api
                    + appender.list.getFirst().getFormattedMessage()
                    + appender.list.getFirst().getThrowableProxy().getMessage()
                    + api.session().toString()
                    + api.session("day to day working");
            assertThat(printed)
                    .doesNotContain(wrong)
                    .doesNotContain(secret(joeKey))
                    .doesNotContain(secret(aliceKey));
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void anUnknownMethodFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> api.call("home.describe_sight"))
                .isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("home.describe_site");
        assertThatThrownBy(() -> api.call("home.find_user", Map.of("first_name", "joe")))
                .isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("its arguments are [firstname, lastname]");
    }
}
