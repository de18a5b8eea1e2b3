package dev.portico.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.AuthTestSupport;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.error.ValidationFailed;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Users on H2 and PostgreSQL: creation rules, password checks, rehash, callers and the auth epoch. */
class UsersTest {

    private static ValidationFailed invalid(Runnable r) {
        try {
            r.run();
        } catch (ValidationFailed e) {
            return e;
        }
        throw new AssertionError("expected a ValidationFailed");
    }

    @DatabaseTest
    void createsUsersAndRefusesBadOrDuplicateFieldsInDjangosSentences(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            User ada = accounts.users().create(NewUser.of("ada", "ada@example.com", "correct horse"));
            assertThat(ada.id()).isPositive();
            assertThat(ada.active()).isTrue();
            assertThat(ada.staff()).isFalse();
            assertThat(accounts.users().find("ada")).contains(ada);
            assertThat(accounts.users().find("ADA"))
                    .as("usernames are case-sensitive")
                    .isEmpty();

            assertThat(invalid(() -> accounts.users().create(NewUser.of("ada", "", "another password")))
                            .errors())
                    .containsEntry("username", java.util.List.of("A user with that username already exists."));
            ValidationFailed bad = invalid(() -> accounts.users().create(NewUser.of("a b", "nope", "short")));
            assertThat(bad.errors()).containsOnlyKeys("username", "email", "password");
            assertThat(bad.errors().get("password").get(0)).startsWith("This password is too short.");
            assertThat(invalid(() -> accounts.users().create(NewUser.of("bob", "", "90817263544")))
                            .errors()
                            .get("password"))
                    .containsExactly("This password is entirely numeric.");
            assertThat(invalid(() -> accounts.users()
                                    .create(NewUser.of("bob", "", "x").withDefaultRole("ghost")))
                            .errors())
                    .containsKey("default_role");
            assertThat(accounts.users().find("bob"))
                    .as("nothing stored by a refused create")
                    .isEmpty();
        }
    }

    @DatabaseTest
    void authenticatesOnlyTheRightPasswordOfAnActiveUser(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            User ada = accounts.users().create(NewUser.of("ada", "", "correct horse"));
            assertThat(ada.lastLogin()).isEmpty();
            assertThat(accounts.users().authenticate("ada", "correct horse"))
                    .map(User::id)
                    .contains(ada.id());
            assertThat(accounts.users().find(ada.id()).orElseThrow().lastLogin())
                    .isPresent();
            assertThat(accounts.users().authenticate("ada", "wrong horse")).isEmpty();
            assertThat(accounts.users().authenticate("nobody", "correct horse")).isEmpty();
            accounts.users().setActive(ada.id(), false);
            assertThat(accounts.users().authenticate("ada", "correct horse")).isEmpty();
            assertThat(accounts.users().caller(ada.id()))
                    .as("an inactive user is nobody's caller")
                    .isEmpty();

            User keyless = accounts.users().create(NewUser.of("svc", "", ""));
            assertThat(accounts.users().authenticate("svc", ""))
                    .as("an unusable password never matches")
                    .isEmpty();
            assertThat(accounts.users().authenticate("svc", "!")).isEmpty();
            assertThat(keyless.active()).isTrue();
        }
    }

    @DatabaseTest
    void passwordChangesAndDeactivationRaiseTheAuthEpoch(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            User ada = accounts.users().create(NewUser.of("ada", "", "correct horse"));
            long epoch = ada.authEpoch();
            accounts.users().setPassword(ada.id(), "a new password");
            assertThat(accounts.users().authenticate("ada", "correct horse")).isEmpty();
            assertThat(accounts.users().authenticate("ada", "a new password")).isPresent();
            assertThat(accounts.users().checkPassword(ada.id(), "a new password"))
                    .isTrue();
            accounts.users().endAllSessions(ada.id());
            accounts.users().setActive(ada.id(), false);
            assertThat(accounts.users().find(ada.id()).orElseThrow().authEpoch())
                    .isEqualTo(epoch + 3);
            assertThat(invalid(() -> accounts.users().setPassword(ada.id(), "ada"))
                            .errors())
                    .containsOnlyKeys("new_password");
        }
    }

    @DatabaseTest
    void aPageOfUsersIsReadWithTheirRolesAsFindReadsEachOne(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            accounts.roles().define("reader", Set.of("posts:read"));
            accounts.roles().define("writer", Set.of("posts:read", "posts:write"));
            User ada = accounts.users()
                    .create(NewUser.of("ada", "ada@example.com", "correct horse")
                            .withDefaultRole("reader"));
            accounts.users().grant(ada.id(), "writer");
            User bob = accounts.users().create(NewUser.of("bob", "", "correct horse"));
            User cy = accounts.users().create(NewUser.of("cy", "cy@example.org", "correct horse"));
            accounts.users().grant(cy.id(), "writer");
            java.util.List<User> expected = java.util.stream.Stream.of(ada, bob, cy)
                    .map(u -> accounts.users().find(u.id()).orElseThrow())
                    .toList();

            assertThat(accounts.users().all()).isEqualTo(expected);
            assertThat(accounts.users().search("", 0, 10)).isEqualTo(expected);
            assertThat(accounts.users().search("", 1, 1)).containsExactly(expected.get(1)); // the page, by username
            assertThat(accounts.users().search("example", 0, 10)).containsExactly(expected.get(0), expected.get(2));
            assertThat(accounts.users().search("example", 1, 10)).containsExactly(expected.get(2));
            assertThat(expected.get(0).roles()).containsOnly("reader", "writer");
            assertThat(expected.get(1).roles()).isEmpty();
        }
    }

    @DatabaseTest
    void callersCarryTheirRolesScopesAndAKeyForARoleOnlyThatRoles(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            accounts.roles().define("reader", Set.of("posts:read"));
            accounts.roles().define("writer", Set.of("posts:read", "posts:write"));
            User ada = accounts.users()
                    .create(NewUser.of("ada", "", "correct horse").withDefaultRole("reader"));
            accounts.users().grant(ada.id(), "writer");
            assertThat(accounts.users().find(ada.id()).orElseThrow().roles()).containsOnly("reader", "writer");

            Caller self = accounts.users().caller(ada.id()).orElseThrow();
            assertThat(self.id()).isEqualTo(Long.toString(ada.id()));
            assertThat(self.scopes()).containsOnly("posts:read", "posts:write");
            assertThat(self.viaKey()).isFalse();

            Caller asReader = accounts.users()
                    .caller(ada.id(), Optional.of("reader"), "k-0123456789abcdef")
                    .orElseThrow();
            assertThat(asReader.scopes()).containsOnly("posts:read");
            assertThat(asReader.roles()).containsOnly("reader");
            assertThat(asReader.hasScope("posts:write")).isFalse();
            assertThat(accounts.users().caller(ada.id(), Optional.of("admin"), "k-0123456789abcdef"))
                    .as("a role the user does not hold")
                    .isEmpty();

            User root = accounts.users()
                    .create(NewUser.of("root", "", "correct horse").asSuperuser());
            Caller rootCaller = accounts.users().caller(root.id()).orElseThrow();
            assertThat(rootCaller.hasScope("anything")).isTrue();
            assertThat(rootCaller.admin()).isTrue();
            assertThat(root.staff()).isTrue();
        }
    }

    @DatabaseTest
    void aRehashNeverUndoesAPasswordChangedSinceTheLoginReadTheHash(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            User ada = accounts.users().create(NewUser.of("ada", "", "correct horse"));
            String read = hash(accounts, ada.id()); // what a login read, before it verified
            accounts.users().setPassword(ada.id(), "battery staple"); // a change meanwhile
            String rehashOfOld = accounts.passwords().hash("correct horse");

            assertThat(accounts.users().recordLogin(ada.id(), read, Optional.of(rehashOfOld)))
                    .isFalse();
            assertThat(accounts.users().authenticate("ada", "battery staple"))
                    .as("the change stands")
                    .isPresent();
            assertThat(accounts.users().authenticate("ada", "correct horse")).isEmpty();

            String current = hash(accounts, ada.id());
            String rehash = accounts.passwords().hash("battery staple");
            assertThat(accounts.users().recordLogin(ada.id(), current, Optional.of(rehash)))
                    .as("unchanged: stored")
                    .isTrue();
            assertThat(hash(accounts, ada.id())).isEqualTo(rehash);
            assertThat(accounts.users().find(ada.id()).orElseThrow().lastLogin())
                    .isPresent();
        }
    }

    private static String hash(Accounts accounts, long id) {
        return accounts.database()
                .jdbi()
                .withHandle(h -> h.createQuery("select password_hash from auth_users where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }
}
