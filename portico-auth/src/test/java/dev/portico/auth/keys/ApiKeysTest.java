package dev.portico.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portico.auth.AuthTestSupport;
import dev.portico.auth.MutableClock;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.error.NotFound;
import dev.portico.error.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** API keys on H2 and PostgreSQL: the format, what is stored, every refusal, role keys and the last use. */
class ApiKeysTest {
    private static final Instant START = Instant.parse("2030-01-01T12:00:00Z");
    private final MutableClock clock = new MutableClock(START);

    private Accounts accounts(TestDatabase test) {
        return AuthTestSupport.accounts(test, clock);
    }

    private static User ada(Accounts accounts) {
        return accounts.users().create(NewUser.of("ada", "ada@example.com", "correct horse"));
    }

    @DatabaseTest
    void createsAKeyIdAndSecretOfTheDocumentedShapeAndStoresOnlyTheSecretsHash(TestDatabase test) throws Exception {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            User ada = ada(accounts);
            ApiKeys keys = ApiKeys.create(accounts);
            CreatedApiKey made =
                    keys.create(ada.id(), "ci", Optional.of(START.plus(Duration.ofDays(30))), Optional.empty());

            assertThat(made.key().keyId()).matches("k-[0-9a-f]{16}");
            assertThat(made.secret()).matches("[A-Za-z0-9]{40}");
            assertThat(made.credential()).isEqualTo(made.key().keyId() + ":" + made.secret());
            assertThat(ApiKeys.isCredential(made.credential())).isTrue();
            assertThat(made.toString())
                    .doesNotContain(made.secret())
                    .contains(made.key().keyId());
            assertThat(made.key())
                    .isEqualTo(new ApiKey(
                            made.key().keyId(),
                            ada.id(),
                            "ci",
                            Optional.empty(),
                            START,
                            Optional.of(START.plus(Duration.ofDays(30))),
                            Optional.empty(),
                            Optional.empty()));
            assertThat(keys.create(ada.id(), "", Optional.empty(), Optional.empty())
                            .secret())
                    .as("every secret is new")
                    .isNotEqualTo(made.secret());

            List<Map<String, Object>> rows = db.jdbi()
                    .withHandle(h -> h.createQuery("select * from auth_api_keys")
                            .mapToMap()
                            .list());
            assertThat(rows).hasSize(2);
            for (Map<String, Object> row : rows) {
                row.values().forEach(v -> assertThat(String.valueOf(v)).doesNotContain(made.secret()));
            }
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(made.secret().getBytes(StandardCharsets.UTF_8)));
            assertThat(rows)
                    .anySatisfy(row -> assertThat(row.get("secret_hash")).isEqualTo(sha));
            assertThat(keys.list(ada.id())).extracting(ApiKey::name).containsExactly("ci", "");
            assertThat(keys.find(made.key().keyId())).contains(made.key());
        }
    }

    @DatabaseTest
    void authenticatesOnlyTheRightSecretOfAKnownKey(TestDatabase test) {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            User ada = ada(accounts);
            ApiKeys keys = ApiKeys.create(accounts);
            CreatedApiKey made = keys.create(ada.id(), "ci", Optional.empty(), Optional.empty());
            String id = made.key().keyId();

            Caller caller = keys.authenticate(made.credential()).orElseThrow();
            assertThat(caller.user().id()).isEqualTo(ada.id());
            assertThat(caller.keyId()).contains(id);
            assertThat(caller.viaKey()).isTrue();
            assertThat(caller.role()).isEmpty();
            assertThat(keys.authenticate(id, made.secret())).isPresent();

            String wrong = made.secret().substring(1) + (made.secret().charAt(0) == 'A' ? 'B' : 'A');
            assertThat(keys.authenticate(id, wrong)).as("wrong secret").isEmpty();
            assertThat(keys.authenticate(id, "")).as("no secret").isEmpty();
            assertThat(keys.authenticate("k-0000000000000000", made.secret()))
                    .as("unknown id")
                    .isEmpty();
            assertThat(keys.authenticate("K-" + id.substring(2), made.secret()))
                    .as("ids are exact")
                    .isEmpty();
            assertThat(keys.authenticate(id)).as("no colon").isEmpty();
            assertThat(keys.authenticate(":")).isEmpty();
            assertThat(keys.authenticate(made.credential() + "x")).isEmpty();
            CreatedApiKey other = keys.create(ada.id(), "other", Optional.empty(), Optional.empty());
            assertThat(keys.authenticate(id, other.secret()))
                    .as("another key's secret")
                    .isEmpty();
        }
    }

    @DatabaseTest
    void aRevokedKeyIsRefusedAtOnceAndOnlyItsOwnerMayRevokeItByOwner(TestDatabase test) {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            User ada = ada(accounts);
            User bob = accounts.users().create(NewUser.of("bob", "", "battery staple"));
            ApiKeys keys = ApiKeys.create(accounts);
            CreatedApiKey made = keys.create(ada.id(), "ci", Optional.empty(), Optional.empty());
            String id = made.key().keyId();

            assertThatThrownBy(() -> keys.revoke(bob.id(), id)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> keys.revoke(ada.id(), "k-0000000000000000"))
                    .isInstanceOf(NotFound.class);
            assertThat(keys.authenticate(made.credential()))
                    .as("bob could not revoke it")
                    .isPresent();

            ApiKey revoked = keys.revoke(ada.id(), id);
            assertThat(revoked.revokedAt()).contains(START);
            assertThat(keys.authenticate(made.credential())).isEmpty();
            clock.advance(Duration.ofHours(1));
            assertThat(keys.revoke(id).orElseThrow().revokedAt())
                    .as("revoking again changes nothing")
                    .contains(START);
            assertThat(keys.revoke("k-0000000000000000")).isEmpty();
            assertThat(keys.list(ada.id()))
                    .singleElement()
                    .satisfies(k -> assertThat(k.revoked()).isTrue());
        }
    }

    @DatabaseTest
    void aKeyExpiresAtTheExactInstantItsExpiryNames(TestDatabase test) {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            User ada = ada(accounts);
            ApiKeys keys = ApiKeys.create(accounts);
            Instant expiry = START.plus(Duration.ofHours(1));
            CreatedApiKey made = keys.create(ada.id(), "", Optional.of(expiry), Optional.empty());

            clock.set(expiry.minus(1, ChronoUnit.MICROS));
            assertThat(keys.authenticate(made.credential())).isPresent();
            clock.set(expiry);
            assertThat(keys.authenticate(made.credential()))
                    .as("expires_at == now is expired")
                    .isEmpty();
            assertThat(keys.find(made.key().keyId()).orElseThrow().expired(clock.instant()))
                    .isTrue();
            clock.set(expiry.plusSeconds(1));
            assertThat(keys.authenticate(made.credential())).isEmpty();

            assertThat(invalid(() -> keys.create(ada.id(), "", Optional.of(clock.instant()), Optional.empty()))
                            .errors())
                    .containsOnlyKeys("expires_at");
        }
    }

    @DatabaseTest
    void anInactiveUsersKeysAreRefused(TestDatabase test) {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            User ada = ada(accounts);
            ApiKeys keys = ApiKeys.create(accounts);
            CreatedApiKey made = keys.create(ada.id(), "", Optional.empty(), Optional.empty());
            accounts.users().setActive(ada.id(), false);
            assertThat(keys.authenticate(made.credential())).isEmpty();
            accounts.users().setActive(ada.id(), true);
            assertThat(keys.authenticate(made.credential())).isPresent();
        }
    }

    @DatabaseTest
    void aRoleKeyCarriesThatRolesScopesOnlyAndStopsWhenTheRoleIsTakenAway(TestDatabase test) {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            accounts.roles().define("reader", Set.of("posts:read"));
            accounts.roles().define("writer", Set.of("posts:read", "posts:write"));
            accounts.roles().define("admin", Set.of("users:write"));
            User ada = ada(accounts);
            accounts.users().grant(ada.id(), "reader");
            accounts.users().grant(ada.id(), "writer");
            ApiKeys keys = ApiKeys.create(accounts);

            assertThat(invalid(() -> keys.create(ada.id(), "", Optional.empty(), Optional.of("admin")))
                            .errors())
                    .containsEntry("role", List.of("\"admin\" is not one of this user's roles."));
            assertThat(invalid(() -> keys.create(ada.id(), "x".repeat(101), Optional.empty(), Optional.empty()))
                            .errors())
                    .containsOnlyKeys("name");
            assertThat(keys.list(ada.id()))
                    .as("nothing stored by a refused create")
                    .isEmpty();

            CreatedApiKey reader = keys.create(ada.id(), "reader", Optional.empty(), Optional.of("reader"));
            CreatedApiKey whole = keys.create(ada.id(), "whole", Optional.empty(), Optional.empty());
            Caller asReader = keys.authenticate(reader.credential()).orElseThrow();
            assertThat(asReader.roles()).containsOnly("reader");
            assertThat(asReader.scopes()).containsOnly("posts:read");
            assertThat(asReader.hasScope("posts:write")).isFalse();
            assertThat(keys.authenticate(whole.credential()).orElseThrow().scopes())
                    .containsOnly("posts:read", "posts:write");

            db.jdbi()
                    .useHandle(h -> h.execute(
                            "delete from auth_user_roles where user_id = ? and role_name = ?", ada.id(), "reader"));
            assertThat(keys.authenticate(reader.credential()))
                    .as("the role was taken away")
                    .isEmpty();
            assertThat(keys.authenticate(whole.credential())).isPresent();
        }
    }

    @DatabaseTest
    void theLastUseIsWrittenAtMostOnceAMinute(TestDatabase test) {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            User ada = ada(accounts);
            ApiKeys keys = ApiKeys.create(accounts);
            CreatedApiKey made = keys.create(ada.id(), "", Optional.empty(), Optional.empty());
            String id = made.key().keyId();
            assertThat(keys.find(id).orElseThrow().lastUsedAt()).isEmpty();

            keys.authenticate(made.credential());
            assertThat(keys.find(id).orElseThrow().lastUsedAt()).contains(START);
            clock.advance(Duration.ofSeconds(59));
            keys.authenticate(made.credential());
            assertThat(keys.find(id).orElseThrow().lastUsedAt())
                    .as("fresh enough: no write")
                    .contains(START);
            clock.advance(Duration.ofSeconds(2));
            keys.authenticate(made.credential());
            assertThat(keys.find(id).orElseThrow().lastUsedAt()).contains(START.plusSeconds(61));
            clock.advance(Duration.ofMinutes(5));
            keys.authenticate(id, "wrong");
            assertThat(keys.find(id).orElseThrow().lastUsedAt())
                    .as("a refused use is no use")
                    .contains(START.plusSeconds(61));
        }
    }

    @DatabaseTest
    void anExpiryBeyondTheYear9999IsRefusedByNameAndNothingIsStored(TestDatabase test) {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            User ada = ada(accounts);
            ApiKeys keys = ApiKeys.create(accounts);
            for (Instant far : List.of(
                    Instant.parse("+300000-01-01T00:00:00Z"), Instant.MAX, ApiKeys.LATEST_EXPIRY.plusSeconds(1))) {
                assertThat(invalid(() -> keys.create(ada.id(), "", Optional.of(far), Optional.empty()))
                                .errors())
                        .containsExactly(
                                Map.entry("expires_at", List.of("Ensure the expiry is before the year 10000.")));
            }
            assertThat(keys.list(ada.id())).isEmpty();
            CreatedApiKey latest = keys.create(ada.id(), "", Optional.of(ApiKeys.LATEST_EXPIRY), Optional.empty());
            assertThat(keys.find(latest.key().keyId()).orElseThrow().expiresAt())
                    .contains(ApiKeys.LATEST_EXPIRY);
        }
    }

    @DatabaseTest
    void aRoleKeyOfAStaffUserIsNoAdminButTheUsersOwnKeyIs(TestDatabase test) {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            accounts.roles().define("reader", Set.of("posts:read"));
            User boss = accounts.users()
                    .create(new NewUser("boss", "", "correct horse", true, true, Optional.of("reader")));
            ApiKeys keys = ApiKeys.create(accounts);
            Caller asReader = keys.authenticate(keys.create(boss.id(), "", Optional.empty(), Optional.of("reader"))
                            .credential())
                    .orElseThrow();
            assertThat(asReader.admin()).as("a role key acts as the role only").isFalse();
            assertThat(asReader.hasScope("users:write")).isFalse();
            Caller asBoss = keys.authenticate(keys.create(boss.id(), "", Optional.empty(), Optional.empty())
                            .credential())
                    .orElseThrow();
            assertThat(asBoss.admin()).isTrue();
            assertThat(accounts.users().caller(boss.id()).orElseThrow().admin()).isTrue();
        }
    }

    @DatabaseTest
    void aKeyUnderAnotherUsersNameIsRefusedWithoutRecordingAUse(TestDatabase test) {
        Accounts accounts = accounts(test);
        try (var db = accounts.database()) {
            User ada = ada(accounts);
            accounts.users().create(NewUser.of("bob", "", "battery staple"));
            ApiKeys keys = ApiKeys.create(accounts);
            CreatedApiKey made = keys.create(ada.id(), "", Optional.empty(), Optional.empty());

            assertThat(keys.authenticateFor("bob", made.credential())).isEmpty();
            assertThat(keys.find(made.key().keyId()).orElseThrow().lastUsedAt())
                    .as("no use recorded")
                    .isEmpty();
            assertThat(keys.authenticateFor("ada", made.credential())).isPresent();
            assertThat(keys.find(made.key().keyId()).orElseThrow().lastUsedAt()).contains(START);
        }
    }

    private static ValidationFailed invalid(ThrowingCallable call) {
        return catchThrowableOfType(ValidationFailed.class, call);
    }
}
