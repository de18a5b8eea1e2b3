package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import dev.portico.data.DatabaseSettings;
import dev.portico.test.ClientRequest;
import dev.portico.test.PorticoClient;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example's accounts commands through {@link BlogApp#manage}, as {@code ./manage} runs them, against the
 * database of the app the class's in-process clients reach (H2; {@link ManageAccountsPostgresTest}: PostgreSQL): roles defined and granted, a user
 * with a default role, a key made for a role acting with that role's scopes, deactivation, logout everywhere and
 * {@code clearsessions}.
 */
@PorticoTest
class ManageAccountsTest {
    private static final Pattern CREDENTIAL = Pattern.compile("^k-[0-9a-f]{16}:[A-Za-z0-9]{40}$", Pattern.MULTILINE);
    private static final String EMPLOYEE =
            "{\"name\":\"Ci\",\"department\":\"ops\",\"salary\":1,\"hire_date\":\"2020-01-15\"}";
    private static PorticoConfig config;
    private static TestAccounts accounts;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private PorticoClient client;

    @App
    static Portico app(TestSetup setup) {
        BlogTesting.Built built = BlogTesting.app(setup);
        config = built.app().config();
        accounts = built.accounts();
        return built.app();
    }

    @BeforeEach
    void client(PorticoClient client) {
        this.client = client;
    }

    /** {@code ./manage args...} on the app's database; out and err hold what it printed. */
    private int manage(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Manage manage = BlogApp.manage(b -> b.set(DatabaseSettings.URL, config.get(DatabaseSettings.URL))
                .set(DatabaseSettings.USER, config.get(DatabaseSettings.USER))
                .set(DatabaseSettings.PASSWORD, config.get(DatabaseSettings.PASSWORD))
                .set(AuthSettings.ARGON2_MEMORY, 1024)
                .set(AuthSettings.ARGON2_ITERATIONS, 1));
        return manage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private String createdKey() {
        Matcher m = CREDENTIAL.matcher(out.toString());
        assertThat(m.find()).as(out + "" + err).isTrue();
        return m.group();
    }

    private int employees(String method, String key) {
        ClientRequest request = client.request(method, "/api/employees/").withApiKey(key);
        return (method.equals("GET") ? request : request.json(EMPLOYEE)).send().status();
    }

    @Test
    void aKeyMadeForARoleActsWithThatRolesScopes() {
        assertThat(manage("role", "define", "deployer", "--scopes", "employees:read," + Employees.WRITE_SCOPE))
                .as(err.toString())
                .isZero();
        assertThat(manage("role", "define", "auditor", "--scopes", "employees:read"))
                .isZero();
        assertThat(manage("createuser", "--username", "ci", "--no-password", "--role", "deployer"))
                .as(err.toString())
                .isZero();
        assertThat(manage("role", "grant", "--user", "ci", "auditor")).isZero();
        assertThat(manage("role", "list")).isZero();
        assertThat(out.toString())
                .containsPattern("auditor +employees:read\n")
                .containsPattern("deployer +employees:read employees:write\n");

        assertThat(manage("apikey", "create", "--user", "ci", "--name", "deploy", "--role", "deployer"))
                .isZero();
        assertThat(out.toString()).contains("acting as role deployer");
        String deployer = createdKey();
        assertThat(manage("apikey", "create", "--user", "ci", "--role", "auditor"))
                .isZero();
        String auditor = createdKey();

        assertThat(employees("GET", deployer)).isEqualTo(200);
        assertThat(employees("POST", deployer)).isEqualTo(201);
        assertThat(employees("GET", auditor)).isEqualTo(200);
        assertThat(employees("POST", auditor)).as("auditor has no write scope").isEqualTo(403);

        assertThat(manage("user", "deactivate", "ci")).isZero();
        assertThat(employees("GET", deployer)).as("a deactivated user's key").isEqualTo(401);
        assertThat(manage("user", "activate", "ci")).isZero();
        assertThat(employees("GET", deployer)).isEqualTo(200);

        assertThat(manage("apikey", "create", "--user", "ci", "--role", "nosuch"))
                .isEqualTo(1);
        assertThat(err.toString()).isEqualTo("apikey create: role: \"nosuch\" is not one of this user's roles.\n");
        assertThat(manage("apikey", "create", "--user", "ci", "--expires", "99999999999d"))
                .isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("apikey create: expires_at: Ensure the expiry is before the year 10000.\n");
    }

    @Test
    void logoutEverywhereEndsAUsersTokensAndClearsessionsRuns() {
        accounts.createUser("lee");
        PorticoClient lee = client.fork().as("lee");
        assertThat(lee.get("/api/posts/").send()).hasStatus(200);
        assertThat(manage("user", "logout-everywhere", "lee")).isZero();
        assertThat(out.toString()).isEqualTo("Ended every session and token of lee.\n");
        assertThat(lee.get("/api/posts/").send()).as("the token minted before").isProblem(401);

        assertThat(manage("createuser", "--username", "mod", "--no-password", "--staff"))
                .isZero();
        assertThat(manage("clearsessions")).as(err.toString()).isZero();
        assertThat(out.toString())
                .startsWith("Deleted ")
                .contains("expired session")
                .contains("expired refresh token");
        assertThat(manage("--help")).isZero();
        assertThat(out.toString()).contains("role").contains("user").contains("clearsessions");
    }
}
