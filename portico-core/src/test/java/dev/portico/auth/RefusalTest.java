package dev.portico.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.error.ApiException;
import dev.portico.error.AuthenticationFailed;
import dev.portico.error.NotAuthenticated;
import dev.portico.error.NotFound;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.testing.TestCaller;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 401/403 rule as a table: the endpoint's authenticators, the caller, and where the refusal comes from, against
 * the status, code and challenge that go out. DRF's rule, except that the challenge is the first authenticator's
 * that has one, whatever their order.
 */
class RefusalTest {
    private static final String BEARER = "Bearer realm=\"api\"";
    private static final Map<String, List<Authenticator>> AUTHENTICATORS = Map.of(
            "none", List.of(),
            "session", List.of(TestCaller.session()),
            "bearer", List.of(TestCaller.bearer()),
            "session+bearer", List.of(TestCaller.session(), TestCaller.bearer()),
            "bearer+session", List.of(TestCaller.bearer(), TestCaller.session()));

    @ParameterizedTest(name = "{0}, {1}, {2}: {3} {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
        # authenticators | caller    | refused by                 | status | code                  | challenge
        none             | anonymous | permission                 | 403    | permission_denied     | -
        none             | anonymous | handler's NotAuthenticated | 403    | not_authenticated     | -
        session          | anonymous | permission                 | 403    | not_authenticated     | -
        session          | known     | permission                 | 403    | permission_denied     | -
        session          | anonymous | handler's NotAuthenticated | 403    | not_authenticated     | -
        session          | bad       | authenticator              | 403    | authentication_failed | -
        bearer           | anonymous | permission                 | 401    | not_authenticated     | Bearer
        bearer           | known     | permission                 | 403    | permission_denied     | -
        bearer           | anonymous | handler's NotAuthenticated | 401    | not_authenticated     | Bearer
        bearer           | bad       | authenticator              | 401    | authentication_failed | Bearer
        session+bearer   | anonymous | permission                 | 401    | not_authenticated     | Bearer
        session+bearer   | known     | permission                 | 403    | permission_denied     | -
        session+bearer   | bad       | authenticator              | 401    | authentication_failed | Bearer
        bearer+session   | anonymous | permission                 | 401    | not_authenticated     | Bearer
        """)
    void theRefusalOfEachCase(
            String authenticators, String caller, String source, int status, String code, String challenge) {
        Refusal refusal = Refusal.of(AUTHENTICATORS.get(authenticators));
        ApiException answer = switch (source) {
            case "permission" -> refusal.refuse(request(caller));
            case "handler's NotAuthenticated" -> refusal.complete(new NotAuthenticated());
            case "authenticator" -> refusal.complete(new AuthenticationFailed());
            default -> throw new IllegalArgumentException(source);
        };
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(Optional.ofNullable(answer.headers().get("WWW-Authenticate")))
                .isEqualTo(challenge.equals("-") ? Optional.empty() : Optional.of(BEARER));
    }

    @Test
    void aRefusalMadeWithoutTheEndpointIsFinishedByTheEndpointsRule() {
        ApiException anonymous = Refusal.of(request("anonymous"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(Refusal.of(List.of(TestCaller.bearer())).complete(anonymous).headers())
                .containsEntry("WWW-Authenticate", BEARER);
        ApiException nowhere = Refusal.none().complete(Refusal.of(request("anonymous")));
        assertThat(nowhere.status()).isEqualTo(403);
        assertThat(nowhere.code()).isEqualTo("permission_denied");
        assertThat(nowhere.detail()).isEqualTo("You do not have permission to perform this action.");
        assertThat(Refusal.of(request("known")).status()).isEqualTo(403);
    }

    @Test
    void aChallengeOfItsOwnAndEveryOtherErrorAreLeftAsTheyAre() {
        Refusal session = Refusal.of(List.of(TestCaller.session()));
        ApiException own = new AuthenticationFailed().withHeader("www-authenticate", "Bearer error=\"invalid_token\"");
        assertThat(session.complete(own)).isSameAs(own);
        assertThat(own.status()).isEqualTo(401);
        NotFound notFound = new NotFound();
        assertThat(session.complete(notFound)).isSameAs(notFound);
    }

    @Test
    void aForbiddenAnswerKeepsTheRefusalsSentenceAndHeaders() {
        ApiException thrown = new NotAuthenticated("Log in to see your notes.").withHeader("X-Reason", "login");
        ApiException answer = Refusal.none().complete(thrown);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.detail()).isEqualTo("Log in to see your notes.");
        assertThat(answer.headers()).containsEntry("X-Reason", "login").doesNotContainKey("WWW-Authenticate");
    }

    @Test
    void whatTheDocumentListsFollowsTheSameRule() {
        assertThat(Refusal.none().mayAnswer401()).isFalse();
        assertThat(Refusal.none().mayAnswer403WithoutPermissions()).isFalse();
        Refusal session = Refusal.of(List.of(TestCaller.session()));
        assertThat(session.mayAnswer401()).isFalse();
        assertThat(session.mayAnswer403WithoutPermissions()).isTrue();
        Refusal both = Refusal.of(List.of(TestCaller.session(), TestCaller.bearer()));
        assertThat(both.mayAnswer401()).isTrue();
        assertThat(both.mayAnswer403WithoutPermissions()).isFalse();
        assertThat(both.challenge()).contains(BEARER);
    }

    @Test
    void theChallengeIsAskedOnceWhenTheRuleIsMade() {
        AtomicInteger asked = new AtomicInteger();
        Authenticator counting = new Authenticator() {
            @Override
            public Optional<Principal> authenticate(Request request) {
                return Optional.empty();
            }

            @Override
            public Optional<String> challenge() {
                asked.incrementAndGet();
                return Optional.of("Token realm=\"api\"");
            }
        };
        Refusal refusal = Refusal.of(List.of(counting));
        for (int i = 0; i < 3; i++) {
            assertThat(refusal.refuse(request("anonymous")).headers())
                    .containsEntry("WWW-Authenticate", "Token realm=\"api\"");
        }
        assertThat(asked.get()).isEqualTo(1);
    }

    /** A request whose only answer is its caller: {@code known} is bob, anything else anonymous. */
    private static Request request(String caller) {
        Optional<Principal> principal =
                caller.equals("known") ? Optional.of(TestCaller.parse("bob")) : Optional.empty();
        return (Request) Proxy.newProxyInstance(
                Request.class.getClassLoader(), new Class<?>[] {Request.class}, (proxy, method, args) -> {
                    if (method.getName().equals("principal")) {
                        return principal;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
