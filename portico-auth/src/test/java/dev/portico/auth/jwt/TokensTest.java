package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.auth.MutableClock;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;

/** Tokens on H2 and PostgreSQL: the auth epoch, refresh-token families, rotation and concurrent refreshes. */
class TokensTest {
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");

    private static void invalid(Runnable r, String sentence) {
        assertThatThrownBy(r::run)
                .isInstanceOf(InvalidToken.class)
                .hasMessage(sentence)
                .satisfies(e -> assertThat(((InvalidToken) e).code()).isEqualTo("token_not_valid"));
    }

    private JwtTestSupport.Setup setup(TestDatabase test, Consumer<dev.portico.config.PorticoConfig.Builder> more) {
        return JwtTestSupport.setup(test, clock, more);
    }

    @DatabaseTest
    void anAccessTokenSpeaksForItsActiveUserUntilItExpires(TestDatabase test) {
        var s = setup(test, b -> {});
        try (var db = s.accounts().database()) {
            User ada = s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            TokenPair pair = s.tokens().obtain(ada);
            Caller caller = s.tokens().authenticate(pair.access());
            assertThat(caller.user().id()).isEqualTo(ada.id());
            assertThat(caller.viaKey()).isFalse();
            invalid(() -> s.tokens().authenticate(pair.refresh()), InvalidToken.NOT_VALID_FOR_ANY_TYPE);
            clock.advance(Duration.ofMinutes(5).plusSeconds(30));
            invalid(() -> s.tokens().authenticate(pair.access()), InvalidToken.NOT_VALID_FOR_ANY_TYPE);
        }
    }

    /**
     * Issue 17: every request with a token reads its user and their roles. That read is one statement in plain JDBC
     * and opens no JDBI handle, whose set-up cost the server more than the query.
     */
    @DatabaseTest
    void authenticatingATokenReadsTheUserAndRolesWithoutAJdbiHandle(TestDatabase test) {
        var s = setup(test, b -> {});
        try (var db = s.accounts().database()) {
            User ada = s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            s.accounts().roles().define("editor", Set.of("posts:write", "posts:read"));
            s.accounts().users().grant(ada.id(), "editor");
            String access = s.tokens().access(ada);
            AtomicInteger handles = new AtomicInteger();
            db.jdbi().getConfig(Handles.class).addListener(new HandleListener() {
                @Override
                public void handleCreated(Handle handle) {
                    handles.incrementAndGet();
                }
            });
            Caller caller = s.tokens().authenticate(access);
            assertThat(caller.user().username()).isEqualTo("ada");
            assertThat(caller.roles()).containsExactly("editor");
            assertThat(caller.scopes()).containsExactlyInAnyOrder("posts:write", "posts:read");
            assertThat(handles).hasValue(0);
        }
    }

    @DatabaseTest
    void endingSessionsChangingThePasswordOrDeactivatingEndsEveryTokenAtOnce(TestDatabase test) {
        var s = setup(test, b -> {});
        try (var db = s.accounts().database()) {
            var users = s.accounts().users();
            User ada = users.create(NewUser.of("ada", "", "correct horse"));
            List<Runnable> revocations = List.of(
                    () -> users.endAllSessions(ada.id()),
                    () -> users.setPassword(ada.id(), "another horse"),
                    () -> users.setActive(ada.id(), false));
            for (Runnable revoke : revocations) {
                users.setActive(ada.id(), true);
                User current = users.find(ada.id()).orElseThrow();
                TokenPair pair = s.tokens().obtain(current);
                s.tokens().authenticate(pair.access());
                s.tokens().check(pair.refresh());
                revoke.run();
                invalid(() -> s.tokens().authenticate(pair.access()), InvalidToken.NOT_VALID_FOR_ANY_TYPE);
                invalid(() -> s.tokens().check(pair.access()), InvalidToken.INVALID_OR_EXPIRED);
                invalid(() -> s.tokens().refresh(pair.refresh()), InvalidToken.INVALID_OR_EXPIRED);
            }
            users.setActive(ada.id(), true);
            TokenPair fresh = s.tokens().obtain(users.find(ada.id()).orElseThrow());
            assertThat(s.tokens().authenticate(fresh.access()).user().id())
                    .as("a new login works again")
                    .isEqualTo(ada.id());
        }
    }

    @DatabaseTest
    void aTokenOfAnUnknownUserIsRefused(TestDatabase test) {
        var s = setup(test, b -> {});
        try (var db = s.accounts().database()) {
            TokenCodec codec = new TokenCodec(s.tokens().keys(), "portico", "api", Duration.ZERO, clock);
            String ghost = codec.sign(TokenType.ACCESS, 424242, 0, "j", codec.now(), Duration.ofMinutes(1));
            invalid(() -> s.tokens().authenticate(ghost), InvalidToken.NOT_VALID_FOR_ANY_TYPE);
            invalid(() -> s.tokens().check(ghost), InvalidToken.INVALID_OR_EXPIRED);
            User ada = s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            String unrecorded =
                    codec.sign(TokenType.REFRESH, ada.id(), 0, "f".repeat(32), codec.now(), Duration.ofDays(1));
            invalid(() -> s.tokens().refresh(unrecorded), InvalidToken.INVALID_OR_EXPIRED);
            invalid(() -> s.tokens().check(unrecorded), InvalidToken.INVALID_OR_EXPIRED);
        }
    }

    @DatabaseTest
    void rotationSpendsTheTokenAndReuseRevokesTheWholeFamily(TestDatabase test) {
        var s = setup(test, b -> {});
        try (var db = s.accounts().database()) {
            User ada = s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            TokenPair login = s.tokens().obtain(ada);
            TokenPair other = s.tokens().obtain(ada);
            TokenRefreshed first = s.tokens().refresh(login.refresh());
            assertThat(first.refresh()).isPresent();
            assertThat(s.tokens().authenticate(first.access()).user().id()).isEqualTo(ada.id());
            TokenRefreshed second = s.tokens().refresh(first.refresh().orElseThrow());
            invalid(() -> s.tokens().check(first.refresh().orElseThrow()), InvalidToken.BLACKLISTED);

            invalid(() -> s.tokens().refresh(login.refresh()), InvalidToken.BLACKLISTED); // reuse: a thief
            invalid(() -> s.tokens().refresh(second.refresh().orElseThrow()), InvalidToken.BLACKLISTED);
            invalid(() -> s.tokens().check(second.refresh().orElseThrow()), InvalidToken.BLACKLISTED);
            assertThat(s.tokens().refresh(other.refresh()).refresh())
                    .as("another login's family lives on")
                    .isPresent();
            assertThat(s.tokens().authenticate(second.access()).user().id())
                    .as("access tokens live out their five minutes")
                    .isEqualTo(ada.id());
        }
    }

    @DatabaseTest
    void withoutRotationARefreshGivesAnAccessTokenOnly(TestDatabase test) {
        var s = setup(test, b -> b.set(JwtSettings.ROTATE_REFRESH, false));
        try (var db = s.accounts().database()) {
            User ada = s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            TokenPair login = s.tokens().obtain(ada);
            for (int i = 0; i < 3; i++) {
                TokenRefreshed r = s.tokens().refresh(login.refresh());
                assertThat(r.refresh()).isEmpty();
                assertThat(s.tokens().authenticate(r.access()).user().id()).isEqualTo(ada.id());
            }
            invalid(() -> s.tokens().refresh(login.access()), InvalidToken.INVALID_OR_EXPIRED);
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            invalid(() -> s.tokens().refresh(login.refresh()), InvalidToken.INVALID_OR_EXPIRED);
            assertThat(s.tokens().deleteExpired()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void ofTwoConcurrentRefreshesOfOneTokenExactlyOneWins(TestDatabase test) throws Exception {
        var s = setup(test, b -> {});
        try (var db = s.accounts().database();
                ExecutorService pool = Executors.newFixedThreadPool(2)) {
            User ada = s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
            for (int round = 0; round < 5; round++) {
                String refresh = s.tokens().obtain(ada).refresh();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<TokenRefreshed>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return s.tokens().refresh(refresh);
                    }));
                }
                int won = 0;
                int lost = 0;
                for (Future<TokenRefreshed> f : results) {
                    try {
                        assertThat(f.get().refresh()).isPresent();
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(InvalidToken.class);
                        lost++;
                    }
                }
                assertThat(won).as("round " + round + " winners").isEqualTo(1);
                assertThat(lost).isEqualTo(1);
            }
        }
    }
}
