package dev.portico.auth;

import dev.portico.error.Throttled;
import dev.portico.http.Request;
import dev.portico.throttle.Rate;
import dev.portico.throttle.Throttle;
import dev.portico.throttle.ThrottleStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed authentications, counted by client address ({@code throttle.failures.address}) and by the username tried
 * ({@code throttle.failures.username}) in the application's {@link ThrottleStore}, so that in memory one instance,
 * and with {@code portico-redis}'s store every instance, counts them. It answers one question, as django-axes
 * does: may this address, or this username, be tried once more?
 *
 * <p>Whatever checks a secret uses it in two steps, which every authenticator of {@code portico-auth} and its login
 * endpoints take:
 * <pre>{@code
 * Guesses guesses = Guesses.of(request);
 * guesses.check(request, username);        // 429 with Retry-After, before an Argon2 hash is spent
 * if (!passwordMatches) {
 *     guesses.failed(request, username);   // counted; 429 once over the limit
 *     throw new AuthenticationFailed("Invalid username/password.");
 * }
 * }</pre>
 * A secret too random to guess and cheap to check (an API key, a JWT's signature, a session id) may skip
 * {@link #check} and only report its failures: a valid one then still passes from an address that guessed too often,
 * while every further bad one is a 429. Successes are never counted, so a client sending good credentials on every
 * request (HTTP Basic) is never slowed by them.
 */
public final class Guesses {
    private static final Guesses NONE = new Guesses(Optional.empty(), Optional.empty(), null);
    /** Usernames longer than this are counted by their SHA-256, so a bucket's name stays short in the store. */
    private static final int LONGEST_KEPT = 64;

    private final Optional<Rate> perAddress;
    private final Optional<Rate> perUsername;
    private final ThrottleStore store;

    private Guesses(Optional<Rate> perAddress, Optional<Rate> perUsername, ThrottleStore store) {
        this.perAddress = perAddress;
        this.perUsername = perUsername;
        this.store = store;
    }

    /** At most {@code perAddress} failures per client address and {@code perUsername} per username; empty: no limit. */
    public static Guesses create(Optional<Rate> perAddress, Optional<Rate> perUsername) {
        return new Guesses(perAddress, perUsername, null);
    }

    /** The request attribute under which the application's guesses travel; {@link #of} reads it. */
    public static final Request.Attribute<Guesses> ATTRIBUTE = Request.Attribute.create("guesses");

    /**
     * The application's count of failed authentications that {@code request} is counted in: an authenticator or a
     * login endpoint asks it before checking a password and tells it of every failure; {@link #none()} outside an
     * application.
     */
    public static Guesses of(Request request) {
        return request.attribute(ATTRIBUTE).orElse(NONE);
    }

    /** No limit at all: what a request made outside an application answers. */
    public static Guesses none() {
        return NONE;
    }

    /** The same limits, counted in {@code store}; called once when the application is built. */
    public Guesses bind(ThrottleStore store) {
        return new Guesses(perAddress, perUsername, Objects.requireNonNull(store, "store"));
    }

    /** The failures allowed per client address. */
    public Optional<Rate> perAddress() {
        return perAddress;
    }

    /** The failures allowed per username tried. */
    public Optional<Rate> perUsername() {
        return perUsername;
    }

    /**
     * Refuses, before a secret is checked, a request whose client address or {@code username} already failed as
     * often as allowed; an empty username counts by address only.
     *
     * @throws Throttled (429, {@code Retry-After}) when either is spent
     */
    public void check(Request request, String username) {
        refuseUnless(peek(ADDRESS, perAddress, request.clientAddress()));
        refuseUnless(peek(USERNAME, perUsername, usernameKey(username)));
    }

    /** {@link #check(Request, String)} for a secret that names no user. */
    public void check(Request request) {
        check(request, "");
    }

    /**
     * Counts one failure against the client address and {@code username} (none when empty).
     *
     * @throws Throttled when this failure went over either limit: the caller answers it instead of its 401
     */
    public void failed(Request request, String username) {
        Optional<Throttle.Decision> address = hit(ADDRESS, perAddress, request.clientAddress());
        Optional<Throttle.Decision> user = hit(USERNAME, perUsername, usernameKey(username));
        refuseUnless(address);
        refuseUnless(user);
    }

    /** {@link #failed(Request, String)} for a secret that names no user. */
    public void failed(Request request) {
        failed(request, "");
    }

    private static final String ADDRESS = "failed-address:";
    private static final String USERNAME = "failed-username:";

    private Optional<Throttle.Decision> peek(String scope, Optional<Rate> rate, String key) {
        return rate.isEmpty() || key.isEmpty() ? Optional.empty() : Optional.of(bound().peek(scope + key, rate.get()));
    }

    private Optional<Throttle.Decision> hit(String scope, Optional<Rate> rate, String key) {
        return rate.isEmpty() || key.isEmpty()
                ? Optional.empty()
                : Optional.of(bound().hit(scope + key, rate.get(), false));
    }

    private ThrottleStore bound() {
        if (store == null) {
            throw new IllegalStateException("these Guesses count in no store: the application binds its own when it is "
                    + "built; outside one, call bind(ThrottleStore.memory(10_000)) first");
        }
        return store;
    }

    private static void refuseUnless(Optional<Throttle.Decision> decision) {
        if (decision.isPresent() && !decision.get().allowed()) {
            throw new Throttled(Math.max(1, decision.get().resetSeconds()));
        }
    }

    /**
     * The bucket of a username: NFKC and lower case, so {@code Alice}, {@code ALICE} and fullwidth {@code ａｌｉｃｅ}
     * share one count, as they name one account; a long one by its hash.
     */
    static String usernameKey(String username) {
        String folded =
                Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.length() <= LONGEST_KEPT ? folded : "sha256-" + sha256(folded);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Guesses[address " + perAddress.map(Rate::toString).orElse("unlimited") + ", username "
                + perUsername.map(Rate::toString).orElse("unlimited") + "]";
    }
}
