package dev.portico.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.AuthTestSupport;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.User;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.session.SessionSettings;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.DatabaseTest;
import dev.portico.data.MigrateCommand;
import dev.portico.data.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code createuser} and {@code apikey} through {@link Manage}, as an application registers them. */
class AccountsCommandsTest {
    private static final Pattern CREDENTIAL =
            Pattern.compile("^(k-[0-9a-f]{16}):([A-Za-z0-9]{40})$", Pattern.MULTILINE);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Deque<String> typed = new ArrayDeque<>();
    private boolean terminal;

    private int run(Consumer<PorticoConfig.Builder> settings, String stdin, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Manage manage = Manage.create(config -> Portico.builder().config(config))
                .name("./manage")
                .settings(b -> settings.accept(SessionSettings.register(
                                JwtSettings.register(AuthSettings.register(DatabaseSettings.register(b))))
                        .set(AuthSettings.ARGON2_MEMORY, 1024)
                        .set(AuthSettings.ARGON2_ITERATIONS, 1)));
        Terminal console = prompt -> terminal ? Optional.of(typed.removeFirst().toCharArray()) : Optional.empty();
        manage.command(MigrateCommand.create(manage::config, Accounts.MIGRATIONS))
                .command(CreateUserCommand.create(
                        manage::config, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), console))
                .command(ApiKeyCommand.create(manage::config))
                .command(RoleCommand.create(manage::config))
                .command(UserCommand.create(manage::config))
                .command(ClearSessionsCommand.create(manage::config));
        return manage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Consumer<PorticoConfig.Builder> on(TestDatabase test) {
        PorticoConfig config = test.config(b -> {});
        return b -> b.set(DatabaseSettings.URL, config.get(DatabaseSettings.URL))
                .set(DatabaseSettings.USER, config.get(DatabaseSettings.USER));
    }

    private static Accounts open(TestDatabase test) {
        PorticoConfig config = AuthTestSupport.config(test, b -> {});
        return Accounts.create(Database.connect(config, Accounts.MIGRATIONS), config);
    }

    @DatabaseTest
    void createuserReadsThePasswordFromStandardInputAndRefusesBadOnesInDjangosSentences(TestDatabase test) {
        assertThat(run(on(test), "", "migrate")).isZero();
        assertThat(run(
                        on(test),
                        "correct horse\n",
                        "createuser",
                        "--username",
                        "ada",
                        "--email",
                        "ada@example.com",
                        "--password-stdin",
                        "--superuser"))
                .isZero();
        assertThat(out.toString()).isEqualTo("Superuser created successfully.\n");
        assertThat(run(on(test), "battery staple\n", "createuser", "--username", "bob", "--password-stdin"))
                .isZero();
        assertThat(out.toString()).isEqualTo("User \"bob\" created.\n");

        assertThat(run(on(test), "short\n", "createuser", "--username", "cy", "--password-stdin"))
                .isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("createuser: password: This password is too short. It must contain at "
                        + "least 8 characters.\n");
        assertThat(run(on(test), "another one\n", "createuser", "--username", "ada", "--password-stdin"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("username: A user with that username already exists.");
        assertThat(run(on(test), "", "createuser", "--username", "cy", "--password-stdin"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no password on standard input");
        assertThat(run(on(test), "", "createuser", "--username", "cy"))
                .as("no terminal, no password source")
                .isEqualTo(1);
        assertThat(err.toString()).contains("not a terminal: pass --password-stdin");
        assertThat(run(on(test), "", "createuser", "--username", "svc", "--no-password"))
                .isZero();

        Accounts accounts = open(test);
        try (var db = accounts.database()) {
            User ada = accounts.users().find("ada").orElseThrow();
            assertThat(ada.superuser()).isTrue();
            assertThat(ada.email()).isEqualTo("ada@example.com");
            assertThat(accounts.users().authenticate("ada", "correct horse")).isPresent();
            assertThat(accounts.users().authenticate("bob", "battery staple")).isPresent();
            assertThat(accounts.users().find("cy")).isEmpty();
            assertThat(accounts.users().find("svc")).isPresent();
        }
    }

    @DatabaseTest
    void createuserAsksTwiceOnATerminal(TestDatabase test) {
        assertThat(run(on(test), "", "migrate")).isZero();
        terminal = true;
        typed.add("correct horse");
        typed.add("correct horse");
        assertThat(run(on(test), "", "createuser", "--username", "ada")).isZero();
        typed.add("correct horse");
        typed.add("correct hoarse");
        assertThat(run(on(test), "", "createuser", "--username", "bob")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("createuser: Error: Your passwords didn't match.\n");
    }

    @DatabaseTest
    void apikeyCreatesAKeyShownOnceListsItWithoutSecretsAndRevokesIt(TestDatabase test) {
        assertThat(run(on(test), "", "migrate")).isZero();
        assertThat(run(on(test), "correct horse\n", "createuser", "--username", "ada", "--password-stdin"))
                .isZero();

        assertThat(run(on(test), "", "apikey", "create", "--user", "ada", "--name", "ci", "--expires", "30d"))
                .isZero();
        Matcher m = CREDENTIAL.matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        String keyId = m.group(1);
        String secret = m.group(2);
        assertThat(out.toString())
                .startsWith("Created API key " + keyId + " \"ci\" for ada, expiring ")
                .contains("This is the only time the key is shown");

        assertThat(run(on(test), "", "apikey", "list", "--user", "ada")).isZero();
        assertThat(out.toString())
                .startsWith("KEY ID ")
                .contains("LAST USED")
                .containsPattern(keyId + " +ci +- +\\d{4}-")
                .contains("active")
                .doesNotContain(secret);

        Accounts accounts = open(test);
        try (var db = accounts.database()) {
            assertThat(ApiKeys.create(accounts).authenticate(keyId + ":" + secret))
                    .isPresent();
            assertThat(run(on(test), "", "apikey", "revoke", keyId)).isZero();
            assertThat(out.toString()).isEqualTo("Revoked API key " + keyId + ".\n");
            assertThat(ApiKeys.create(accounts).authenticate(keyId + ":" + secret))
                    .as("revoked at once")
                    .isEmpty();
        }
        assertThat(run(on(test), "", "apikey", "revoke", keyId)).isZero();
        assertThat(out.toString()).startsWith("API key " + keyId + " was already revoked at ");
        assertThat(run(on(test), "", "apikey", "list", "--user", "ada")).isZero();
        assertThat(out.toString()).contains("revoked").doesNotContain(secret);
    }

    @DatabaseTest
    void apikeyFailuresExitWith1AndUsageErrorsWith2(TestDatabase test) {
        assertThat(run(on(test), "", "apikey", "list", "--user", "ada")).isEqualTo(1);
        assertThat(err.toString())
                .contains("apikey list: the accounts tables of")
                .contains("run migrate first");
        assertThat(run(on(test), "", "migrate")).isZero();
        assertThat(run(on(test), "correct horse\n", "createuser", "--username", "ada", "--password-stdin"))
                .isZero();

        assertThat(run(on(test), "", "apikey", "create", "--user", "nobody")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("apikey create: no user \"nobody\"\n");
        assertThat(run(on(test), "", "apikey", "create", "--user", "ada", "--role", "editor"))
                .isEqualTo(1);
        assertThat(err.toString()).isEqualTo("apikey create: role: \"editor\" is not one of this user's roles.\n");
        assertThat(run(on(test), "", "apikey", "revoke", "k-0000000000000000")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("apikey revoke: no API key k-0000000000000000\n");
        assertThat(run(on(test), "", "apikey", "list", "--user", "ada")).isZero();
        assertThat(out.toString()).isEqualTo("No API keys for ada.\n");

        assertThat(run(on(test), "", "apikey", "create", "--user", "ada", "--expires", "soon"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
        assertThat(run(on(test), "", "apikey", "create")).isEqualTo(2);
        assertThat(run(on(test), "", "apikey")).isEqualTo(2);
        assertThat(run(on(test), "", "createuser")).isEqualTo(2);
        assertThat(run(on(test), "", "createuser", "--username", "x", "--password-stdin", "--no-password"))
                .isEqualTo(2);
    }

    @DatabaseTest
    void anExpiryTooFarAwayExitsWith1NamingItAndStoresNoKey(TestDatabase test) {
        assertThat(run(on(test), "", "migrate")).isZero();
        assertThat(run(on(test), "", "createuser", "--username", "ada", "--no-password"))
                .isZero();
        for (String far :
                new String[] {"99999999999999999999999d", "9223372036854775807w", "2000000w", "+300000-01-01T00:00:00Z"
                }) {
            assertThat(run(on(test), "", "apikey", "create", "--user", "ada", "--expires", far))
                    .as(far)
                    .isEqualTo(1);
            assertThat(err.toString())
                    .isEqualTo("apikey create: expires_at: Ensure the expiry is before the year " + "10000.\n");
        }
        assertThat(run(on(test), "", "apikey", "list", "--user", "ada")).isZero();
        assertThat(out.toString()).isEqualTo("No API keys for ada.\n");
    }

    @DatabaseTest
    void rolesAndUsersAreManagedFromTheCommandLineAndARoleKeyActsAsItsRole(TestDatabase test) {
        assertThat(run(on(test), "", "migrate")).isZero();
        assertThat(run(on(test), "", "role", "define", "editor", "--scopes", "posts:write,posts:read"))
                .isZero();
        assertThat(out.toString()).isEqualTo("Defined role editor: posts:read posts:write.\n");
        assertThat(run(on(test), "", "role", "define", "editor", "--scopes", "posts:read"))
                .isZero();
        assertThat(out.toString()).isEqualTo("Replaced role editor: posts:read.\n");
        assertThat(run(on(test), "", "role", "define", "bad name")).isEqualTo(1);
        assertThat(err.toString()).startsWith("role define: name: Enter a valid role name");
        assertThat(run(on(test), "", "createuser", "--username", "ada", "--no-password", "--role", "nosuch"))
                .isEqualTo(1);
        assertThat(err.toString()).isEqualTo("createuser: default_role: Role \"nosuch\" does not exist.\n");
        assertThat(run(on(test), "", "createuser", "--username", "ada", "--no-password", "--role", "editor", "--staff"))
                .isZero();
        assertThat(run(on(test), "", "role", "grant", "--user", "ada", "deployer"))
                .isEqualTo(1);
        assertThat(err.toString()).isEqualTo("role grant: role: Role \"deployer\" does not exist.\n");
        assertThat(run(on(test), "", "role", "define", "deployer")).isZero();
        assertThat(run(on(test), "", "role", "grant", "--user", "ada", "deployer"))
                .isZero();
        assertThat(out.toString()).isEqualTo("Granted role deployer to ada.\n");
        assertThat(run(on(test), "", "role", "list")).isZero();
        assertThat(out.toString()).containsPattern("deployer +no scopes\n").containsPattern("editor +posts:read\n");
        assertThat(run(on(test), "", "apikey", "create", "--user", "ada", "--role", "editor"))
                .isZero();
        Matcher m = CREDENTIAL.matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();

        Accounts accounts = open(test);
        try (var db = accounts.database()) {
            User ada = accounts.users().find("ada").orElseThrow();
            assertThat(ada.staff()).isTrue();
            assertThat(ada.superuser()).isFalse();
            assertThat(ada.defaultRole()).contains("editor");
            assertThat(ada.roles()).containsExactlyInAnyOrder("editor", "deployer");
            Caller key = ApiKeys.create(accounts).authenticate(m.group()).orElseThrow();
            assertThat(key.roles()).containsOnly("editor");
            assertThat(key.scopes()).containsOnly("posts:read");
            assertThat(key.admin()).as("a role key is not staff").isFalse();

            long epoch = ada.authEpoch();
            assertThat(run(on(test), "", "user", "logout-everywhere", "ada")).isZero();
            assertThat(out.toString()).isEqualTo("Ended every session and token of ada.\n");
            assertThat(accounts.users().find("ada").orElseThrow().authEpoch()).isEqualTo(epoch + 1);
            assertThat(ApiKeys.create(accounts).authenticate(m.group()))
                    .as("keys go on")
                    .isPresent();
            assertThat(run(on(test), "", "user", "deactivate", "ada")).isZero();
            assertThat(accounts.users().find("ada").orElseThrow().active()).isFalse();
            assertThat(ApiKeys.create(accounts).authenticate(m.group()))
                    .as("a deactivated user's key")
                    .isEmpty();
            assertThat(run(on(test), "", "user", "activate", "ada")).isZero();
            assertThat(ApiKeys.create(accounts).authenticate(m.group())).isPresent();
        }
        assertThat(run(on(test), "", "user", "deactivate", "nobody")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("user deactivate: no user \"nobody\"\n");
        assertThat(run(on(test), "", "user")).isEqualTo(2);
        assertThat(run(on(test), "", "role")).isEqualTo(2);
    }

    @DatabaseTest
    void clearsessionsDeletesExpiredSessionsAndRefreshTokensOnly(TestDatabase test) {
        assertThat(run(on(test), "", "migrate")).isZero();
        assertThat(run(on(test), "", "createuser", "--username", "ada", "--no-password"))
                .isZero();
        Accounts accounts = open(test);
        try (var db = accounts.database()) {
            long ada = accounts.users().find("ada").orElseThrow().id();
            db.jdbi().useHandle(h -> {
                for (String[] row : new String[][] {{"a".repeat(64), "2000-01-01"}, {"b".repeat(64), "2999-01-01"}}) {
                    h.execute(
                            "insert into auth_sessions (id_hash, user_id, auth_epoch, created_at, expires_at,"
                                + " last_seen_at) values (?, ?, 0, timestamp with time zone '2000-01-01 00:00:00+00',"
                                + " cast(? as timestamp with time zone), timestamp with time zone '2000-01-01"
                                + " 00:00:00+00')",
                            row[0],
                            ada,
                            row[1] + " 00:00:00+00");
                }
                h.execute(
                        "insert into auth_refresh_families (id, user_id, created_at) values (?, ?, "
                                + "timestamp with time zone '2000-01-01 00:00:00+00')",
                        "f".repeat(32),
                        ada);
                for (String[] row : new String[][] {{"1".repeat(32), "2000-01-01"}, {"2".repeat(32), "2999-01-01"}}) {
                    h.execute(
                            "insert into auth_refresh_tokens (jti, family_id, user_id, issued_at, expires_at) "
                                    + "values (?, ?, ?, timestamp with time zone '2000-01-01 00:00:00+00', "
                                    + "cast(? as timestamp with time zone))",
                            row[0],
                            "f".repeat(32),
                            ada,
                            row[1] + " 00:00:00+00");
                }
            });
            assertThat(run(on(test), "", "clearsessions")).as(err.toString()).isZero();
            assertThat(out.toString())
                    .isEqualTo("Deleted 1 expired session, 1 expired refresh token and 0 expired e-mail links.\n");
            List<String> sessions = db.jdbi()
                    .withHandle(h -> h.createQuery("select id_hash from auth_sessions")
                            .mapTo(String.class)
                            .list());
            assertThat(sessions).containsExactly("b".repeat(64));
            List<String> tokens = db.jdbi()
                    .withHandle(h -> h.createQuery("select jti from auth_refresh_tokens")
                            .mapTo(String.class)
                            .list());
            assertThat(tokens).containsExactly("2".repeat(32));
            assertThat(run(on(test), "", "clearsessions")).isZero();
            assertThat(out.toString())
                    .isEqualTo("Deleted 0 expired sessions, 0 expired refresh tokens and 0 expired e-mail links.\n");
        }
    }

    @Test
    void anUnreachableDatabaseExitsWith1AndHelpNeedsNone() {
        Consumer<PorticoConfig.Builder> nowhere =
                b -> b.set(DatabaseSettings.URL, "jdbc:postgresql://127.0.0.1:1/test");
        assertThat(run(nowhere, "", "apikey", "list", "--user", "ada")).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("apikey list: cannot connect to the database at database.url = "
                        + "jdbc:postgresql://127.0.0.1:1/test");
        assertThat(run(nowhere, "correct horse\n", "createuser", "--username", "ada", "--password-stdin"))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("createuser: cannot connect to the database");
        assertThat(run(nowhere, "", "apikey", "--help")).isZero();
        assertThat(out.toString()).contains("create").contains("list").contains("revoke");
        assertThat(run(nowhere, "", "createuser", "--help")).isZero();
        assertThat(out.toString()).contains("--password-stdin");
    }
}
