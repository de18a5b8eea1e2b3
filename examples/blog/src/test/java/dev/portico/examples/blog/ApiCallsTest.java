package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.Portico;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.User;
import dev.portico.auth.module.AuthModule;
import dev.portico.data.Database;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's "API Calls", run as the seed writes them: each curl line of the seed, with the site's address, the
 * user's public id and the key put in, runs against the example app over a real socket (H2 in a temporary folder).
 * {@code joebloggs} holds the role {@code reader}, and the seed's key is a key of that role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiCallsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private BlogDatabases database;
    private Portico app;
    private User joe;
    private String key;
    private User john;
    private String johnsKey;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/curl")) || System.getenv("CI") != null, "curl is not installed");
        database = BlogDatabases.h2();
        app = BlogApp.app(database.serverConfig()).shutdownHook(false).build().start();
        try (Database db = Database.connect(database.serverConfig(), Accounts.MIGRATIONS)) {
            Accounts accounts = Accounts.create(db, database.serverConfig());
            accounts.roles().define("reader", Set.of("site:read"));
            joe = BlogUsers.create(database.serverConfig(), "joebloggs", true); // staff: list_users shows all
            accounts.users().grant(joe.id(), "reader");
            john = BlogUsers.create(database.serverConfig(), "johndoe", false);
            BlogUsers.create(database.serverConfig(), "alice", false);
            BlogUsers.create(database.serverConfig(), "zoe", false);
            key = dev.portico.auth.keys.ApiKeys.create(accounts)
                    .create(joe.id(), "seed", Optional.empty(), Optional.of("reader"))
                    .credential();
            johnsKey = dev.portico.auth.keys.ApiKeys.create(accounts)
                    .create(john.id(), "his", Optional.empty(), Optional.empty())
                    .credential();
        }
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The status and body of one of the seed's curl lines, run with its placeholders filled in. */
    private record Answer(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private Answer curl(String seedLine) throws Exception {
        String line = seedLine.replace("https://mywonderfulsite.com", "http://127.0.0.1:" + app.port())
                .replace("htt...api", "http://127.0.0.1:" + app.port() + "/api")
                .replace("u-12346789", joe.publicId())
                .replace("k-12345679:0123....def", key)
                .replace("k-0123456789abcdef:abcdefghijklmnopqrstABCDEFGHIJKLMNOPQRST", key)
                .replace("autho...", "authorisation=" + key)
                .replace("joebloggs:password", "'joebloggs:" + BlogUsers.PASSWORD + "'")
                .replace(" -d ... ", " ")
                .replace(" ... ", " ");
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code}"));
        command.addAll(words(line).subList(1, words(line).size()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int newline = out.lastIndexOf('\n');
        return new Answer(Integer.parseInt(out.substring(newline + 1).strip()), out.substring(0, newline));
    }

    /** The words of a shell line, with single quotes (the seed's only quoting). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void describeSiteWithTheAuthorisationFieldActsAsTheKeysRole() throws Exception {
        Answer answer =
                curl("curl -X POST -d 'authorisation=k-0123456789abcdef:abcdefghijklmnopqrstABCDEFGHIJKLMNOPQRST'"
                        + " https://mywonderfulsite.com/api/home/describe_site");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode site = answer.json();
        assertThat(site.get("name").asText()).isEqualTo("Blog");
        assertThat(site.get("users").get("count").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(site.get("caller").asText()).isEqualTo("joebloggs");
        assertThat(site.get("role").asText()).isEqualTo("reader");
    }

    @Test
    void describeSiteWithoutCredentialsIs401() throws Exception {
        Answer answer = curl("curl -X POST https://mywonderfulsite.com/api/home/describe_site");
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void describeUserByPublicIdWithTheAuthorisationField() throws Exception {
        Answer answer = curl("curl -X POST -d 'user=u-12346789&authorisation=k-12345679:0123....def' "
                + "https://mywonderfulsite.com/api/home/describe_user");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asText()).isEqualTo(joe.publicId()).startsWith("u-");
        assertThat(answer.json().get("username").asText()).isEqualTo("joebloggs");
    }

    @Test
    void aMissingModelIs400NamingIt() throws Exception {
        Answer answer = curl("curl -X POST -d 'user=u-000000000000000000000000&autho...' "
                + "https://mywonderfulsite.com/api/home/describe_user");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get("user").get(0).asText())
                .isEqualTo("Invalid id \"u-000000000000000000000000\" - object does not exist.");
    }

    @Test
    void dataclassByDottedNames() throws Exception {
        Answer answer = curl("curl -X POST -d 'filter.name_gt=a&filter.name_lt=p&autho...' "
                + "https://mywonderfulsite.com/api/home/list_users");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(usernames(answer)).contains("alice", "joebloggs", "johndoe").doesNotContain("zoe");
    }

    @Test
    void dataclassWithoutFieldsByTheBlankMarker() throws Exception {
        Answer answer = curl("curl -X POST -d 'filter.=&autho...' https://mywonderfulsite.com/api/home/list_users");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(usernames(answer)).contains("alice", "joebloggs", "johndoe", "zoe");
    }

    @Test
    void theMarkerWithFields() throws Exception {
        Answer answer = curl("curl -X POST -d 'filter.=&filter.name_gt=a&filter.name_lt=p&autho...' "
                + "https://mywonderfulsite.com/api/home/list_users");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(usernames(answer)).contains("alice", "joebloggs").doesNotContain("zoe");
    }

    @Test
    void theSeedsMarkerLineAsPrinted() throws Exception {
        // the seed prints 'filter.=filter.name_gt=a&...': the marker's value is the text "filter.name_gt=a", which a
        // marker ignores, so only name_lt applies; that is how a form parser reads the line as printed
        Answer answer = curl("curl -X POST -d 'filter.=filter.name_gt=a&filter.name_lt=p&&autho...' "
                + "https://mywonderfulsite.com/api/home/list_users");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(usernames(answer)).contains("alice", "joebloggs").doesNotContain("zoe");
    }

    @Test
    void anyoneButStaffListsOnlyThemselves() throws Exception {
        String joesKey = key;
        key = johnsKey;
        try {
            Answer answer = curl("curl -X POST -d 'filter.=&autho...' https://mywonderfulsite.com/api/home/list_users");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(usernames(answer)).containsExactly("johndoe");
        } finally {
            key = joesKey;
        }
    }

    @Test
    void anUnknownDottedFieldIs400NamingItsPath() throws Exception {
        Answer answer = curl("curl -X POST -d 'filter.username=joebloggs&autho...' "
                + "https://mywonderfulsite.com/api/home/list_users");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get("filter.username").get(0).asText())
                .isEqualTo("Unknown field.");
    }

    @Test
    void listsByIndex() throws Exception {
        Answer answer = curl("curl -X POST -d 'usernames.0=joebloggs&usernames.1=johndoe&autho...' "
                + "https://mywonderfulsite.com/api/home/list_named_users");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(usernames(answer)).containsExactly("joebloggs", "johndoe");
    }

    @Test
    void listsByRepeatingTheName() throws Exception {
        Answer answer = curl("curl -X POST -d 'usernames=joebloggs&usernames=johndoe&autho...' "
                + "https://mywonderfulsite.com/api/home/list_named_users");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(usernames(answer)).containsExactly("joebloggs", "johndoe");
    }

    @Test
    void theEmptyListMarkerWithRepeatedNames() throws Exception {
        Answer answer = curl("curl -X POST -d 'usernames.=&usernames=joebloggs&usernames=johndoe&autho...' "
                + "https://mywonderfulsite.com/api/home/list_named_users");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(usernames(answer)).containsExactly("joebloggs", "johndoe");
    }

    @Test
    void theEmptyList() throws Exception {
        Answer answer =
                curl("curl -X POST -d 'usernames.=&autho...' https://mywonderfulsite.com/api/home/list_named_users");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(usernames(answer)).isEmpty();
    }

    @Test
    void basicWithAKeyActsAsTheKeysRole() throws Exception {
        Answer answer = curl("curl -X POST -u joebloggs:k-0123456789abcdef:abcdefghijklmnopqrstABCDEFGHIJKLMNOPQRST"
                + " -d ... https://mywonderfulsite.com/api/home/describe_site");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("role").asText()).isEqualTo("reader");
    }

    @Test
    void findUserWithArgumentsAsPostFields() throws Exception {
        Answer answer = curl("curl -X POST htt...api/home/find_user -u joebloggs:k-0123456789abcdef:"
                + "abcdefghijklmnopqrstABCDEFGHIJKLMNOPQRST -d firstname=joe&lastname=bloggs");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("username").asText()).isEqualTo("joebloggs");
    }

    @Test
    void blankNamesAre400NamingEachWithTheBindingErrors() throws Exception {
        Answer answer = curl("curl -X POST htt...api/home/find_user -u joebloggs:k-0123456789abcdef:"
                + "abcdefghijklmnopqrstABCDEFGHIJKLMNOPQRST -d firstname=&lastname=%20&extra=1");
        assertThat(answer.status()).isEqualTo(400);
        JsonNode errors = answer.json().get("errors");
        assertThat(errors.get("firstname").get(0).asText()).isEqualTo("This field may not be blank.");
        assertThat(errors.get("lastname").get(0).asText()).isEqualTo("This field may not be blank.");
        assertThat(errors.get("extra").get(0).asText()).isNotBlank(); // unknown: reported in the same answer
    }

    @Test
    void basicWithThePasswordActsAsTheDefaultRole() throws Exception {
        Answer answer =
                curl("curl -X POST -u joebloggs:password -d ... https://mywonderfulsite.com/api/home/describe_site");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("caller").asText()).isEqualTo("joebloggs");
        assertThat(answer.json().get("role").isNull()).isTrue(); // joebloggs has no default role: full access
    }

    @Test
    void theAuthorisationInTheQueryStringWorksButIsDiscouraged() throws Exception {
        Answer answer = curl("curl -X POST https://mywonderfulsite.com/api/home/describe_user?user=u-12346789"
                + "&authorisation=k-12345679:0123....def");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("username").asText()).isEqualTo("joebloggs");
    }

    @Test
    void uploadAFileWithANote() throws Exception {
        Path file = Files.writeString(Files.createTempFile(tmp, "notes", ".txt"), "hello");
        Answer answer = curl("curl -X POST -F file=@" + file + ";type=text/plain -F note=hi -F autho... "
                + "https://mywonderfulsite.com/api/home/upload");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("size").asLong()).isEqualTo(5);
        assertThat(answer.json().get("note").asText()).isEqualTo("hi");
        assertThat(
                        answer.json().get("content_type") == null
                                ? answer.json().get("contentType").asText()
                                : answer.json().get("content_type").asText())
                .isEqualTo("text/plain");
    }

    @TempDir
    Path tmp;

    @Test
    void aWebPagesPostWithTheSessionAndItsCsrfTokenActsAsTheUser() throws Exception {
        String base = "http://127.0.0.1:" + app.port();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
        String token = JSON.readTree(browser.send(
                                HttpRequest.newBuilder(URI.create(base + "/auth/csrf/"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("csrf_token")
                .asText();
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/auth/login/"))
                        .header("Content-Type", "application/json")
                        .header("X-CSRFToken", token)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"joebloggs\",\"password\":\"" + BlogUsers.PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String fresh = JSON.readTree(browser.send(
                                HttpRequest.newBuilder(URI.create(base + "/auth/csrf/"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("csrf_token")
                .asText();
        // the seed's page: <form method="POST" action="{% url 'api:home/describe_user' %}"> with {% csrf_token %}
        dev.portico.rpc.Api api = BlogApp.api(
                AuthModule.create(Database.lazy(database.serverConfig())),
                database.serverConfig().naming());
        String action = base + api.url("api:home/describe_user");
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("csrf_token=" + fresh + "&user=" + joe.publicId()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(page.body()).get("username").asText()).isEqualTo("joebloggs");

        HttpResponse<String> forged = browser.send(
                HttpRequest.newBuilder(URI.create(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=" + joe.publicId()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("code").asText()).isEqualTo("csrf_failed");
    }

    @Test
    void theSeedsUrlsHaveNoTrailingSlashAndTheOtherFormIsRedirected() throws Exception {
        HttpResponse<String> slashed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + app.port() + "/api/home/describe_site/"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(slashed.statusCode()).isEqualTo(308);
        assertThat(slashed.headers().firstValue("Location")).contains("/api/home/describe_site");
    }

    private static List<String> usernames(Answer answer) throws IOException {
        List<String> names = new ArrayList<>();
        answer.json().forEach(u -> names.add(u.get("username").asText()));
        return names;
    }
}
