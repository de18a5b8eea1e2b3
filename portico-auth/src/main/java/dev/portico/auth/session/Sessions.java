package dev.portico.auth.session;

import dev.portico.Portico;
import dev.portico.auth.Guesses;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.Secrets;
import dev.portico.auth.accounts.User;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Middleware;
import dev.portico.http.Request;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side sessions in the database, Django's {@code django.contrib.sessions} with the database backend: the
 * {@code sessionid} cookie (HttpOnly, SameSite=Lax, Secure when {@code auth.session.secure}) carries a random
 * 256-bit id, and the {@code auth_sessions} table holds only its SHA-256, the user, the user's auth epoch at login
 * and the times. Any instance on the same database serves any session.
 * <pre>{@code
 * Sessions sessions = Sessions.create(accounts, config);
 * Portico.builder().authenticators(sessions.authenticator(), ...);
 * sessions.install(builder);   // the middleware that writes the session and CSRF cookies
 * }</pre>
 * Login always issues a new id and deletes the one the request came with (no session fixation); logout deletes the
 * session and clears the cookie; a password change ends every other session through the epoch and re-issues the
 * current one ({@link #reissue}, Django's {@code update_session_auth_hash}).
 */
public final class Sessions {
    private static final int ID_BYTES = 32;
    private static final int ID_LENGTH = 43; // 32 bytes in unpadded base64url
    /** dj-rest-auth's sentence for a refused login, whichever part was wrong. */
    public static final String BAD_LOGIN = "Unable to log in with provided credentials.";

    private static final Request.Attribute<Current> CURRENT = Request.Attribute.create("session");

    private final Accounts accounts;
    private final SessionStore store;
    private final Csrf csrf;
    private final Clock clock;
    private final Duration lifetime;
    private final ResponseCookies.Spec cookie;
    private final SessionAuthenticator authenticator;

    private Sessions(Accounts accounts, PorticoConfig config) {
        this.accounts = accounts;
        this.clock = accounts.clock();
        this.store = new SessionStore(accounts.database().jdbi());
        this.csrf = Csrf.create(config, clock);
        this.lifetime = config.get(SessionSettings.LIFETIME);
        this.cookie = new ResponseCookies.Spec(
                config.get(SessionSettings.COOKIE_NAME), true, config.get(SessionSettings.SECURE));
        this.authenticator = new SessionAuthenticator(this);
    }

    /** The sessions of {@code accounts}, with the {@code auth.session.*} and {@code auth.csrf.*} settings. */
    public static Sessions create(Accounts accounts, PorticoConfig config) {
        config.register(SessionSettings.ALL.toArray(dev.portico.config.Setting<?>[]::new));
        return new Sessions(accounts, config);
    }

    /** The authenticator of the session cookie, which also enforces CSRF on the requests it authenticates. */
    public SessionAuthenticator authenticator() {
        return authenticator;
    }

    /** The CSRF protection, for tokens in pages and for endpoints that need it without a session. */
    public Csrf csrf() {
        return csrf;
    }

    /**
     * The global middleware that writes the cookies decided while answering (login, logout, an expired session
     * cleared, a CSRF token handed out) onto the response, error responses included.
     */
    public Middleware middleware() {
        return ResponseCookies.middleware();
    }

    /** Installs {@link #middleware()} on {@code builder}. */
    public Portico.Builder install(Portico.Builder builder) {
        return builder.middleware(middleware());
    }

    /** The session cookie's name. */
    public String cookieName() {
        return cookie.name();
    }

    /**
     * Logs {@code user} in on this request's response: a new session id in the cookie, the session the request came
     * with (anyone's) deleted, and a new CSRF secret, as Django's {@code login} rotates both.
     */
    public void login(Request request, User user) {
        ResponseCookies jar = ResponseCookies.required(request);
        request.cookie(cookie.name())
                .filter(Sessions::wellFormed)
                .map(Sessions::hash)
                .ifPresent(store::delete);
        String id = newId();
        Instant now = clock.instant();
        if (!store.insert(hash(id), user.id(), now, now.plus(lifetime))) {
            throw new IllegalStateException("no user " + user.id());
        }
        jar.set(cookie.name(), cookie.set(id, lifetime, now));
        csrf.rotate(request);
    }

    /**
     * A login form's work: when the username and password are an active user's, logs them in as {@link #login}
     * does and returns the user; otherwise changes nothing (answer with {@link #BAD_LOGIN}).
     */
    public Optional<User> login(Request request, String username, String password) {
        Optional<User> user = accounts.users().authenticate(request, username, password);
        user.ifPresent(u -> login(request, u));
        return user;
    }

    /**
     * Re-issues the current session after the user's epoch was raised (a password change): the request's session
     * is replaced by a new one carrying the new epoch, so this browser stays logged in and every other session ends.
     */
    public void reissue(Request request, User user) {
        login(request, user);
    }

    /** Logs out: deletes the request's session, if any, and clears the cookie (also when it was unknown). */
    public void logout(Request request) {
        ResponseCookies jar = ResponseCookies.required(request);
        request.cookie(cookie.name())
                .filter(Sessions::wellFormed)
                .map(Sessions::hash)
                .ifPresent(store::delete);
        if (request.cookie(cookie.name()).isPresent()) {
            jar.set(cookie.name(), cookie.clear());
        }
    }

    /** The session authenticated for this request by {@link #authenticator()}, if it was. */
    public Optional<Session> current(Request request) {
        return request.attribute(CURRENT).map(Current::session);
    }

    /** The live session of a cookie's value, if it is one. */
    public Optional<Session> find(String sessionId) {
        return wellFormed(sessionId)
                ? store.find(hash(sessionId)).filter(s -> !s.expiredAt(clock.instant()))
                : Optional.empty();
    }

    /** Deletes every session of a user, now (raising the epoch does the same lazily, for tokens too). */
    public int endAll(long userId) {
        return store.deleteAll(userId);
    }

    /** How many sessions of a user are stored, live or not. */
    public int count(long userId) {
        return store.count(userId);
    }

    /** Deletes the expired sessions (Django's {@code clearsessions}); run it from time to time. Returns how many. */
    public int clearExpired() {
        return store.deleteExpired(clock.instant());
    }

    /**
     * The caller the request's cookie logs in, or empty: no cookie, or one that names no live session of an active
     * user of the same epoch; such a cookie is cleared on the response and its row deleted.
     */
    Optional<Caller> authenticate(Request request) {
        Optional<String> id = request.cookie(cookie.name());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ResponseCookies.of(request).ifPresent(ResponseCookies::varyOnCookie);
        if (!wellFormed(id.get())) {
            return guessed(request);
        }
        String hash = hash(id.get());
        Optional<Session> session = store.find(hash);
        if (session.isEmpty()) {
            return guessed(request);
        }
        Instant now = clock.instant();
        if (session.get().expiredAt(now)) {
            return forget(request, session.map(s -> hash));
        }
        Optional<Caller> caller = accounts.users()
                .caller(session.get().userId())
                .filter(c -> c.user().authEpoch() == session.get().authEpoch());
        if (caller.isEmpty()) {
            return forget(request, Optional.of(hash));
        }
        if (Duration.between(session.get().lastSeenAt(), now).toSeconds() >= 60) {
            store.touch(hash, now);
        }
        request.attribute(CURRENT, new Current(hash, session.get()));
        return caller;
    }

    /**
     * A cookie that names no session: a guess, or a browser's leftover whose session was deleted. It is forgotten (the
     * cookie cleared, so a leftover is counted once) and counted as a failed authentication of the client address.
     */
    private Optional<Caller> guessed(Request request) {
        forget(request, Optional.empty());
        Guesses.of(request).failed(request);
        return Optional.empty();
    }

    private Optional<Caller> forget(Request request, Optional<String> hash) {
        hash.ifPresent(store::delete);
        ResponseCookies.of(request).ifPresent(jar -> jar.set(cookie.name(), cookie.clear()));
        return Optional.empty();
    }

    private static String newId() {
        return Secrets.base64Url(ID_BYTES);
    }

    private static boolean wellFormed(String id) {
        if (id.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String hash(String id) {
        return Secrets.sha256Hex(id);
    }

    private record Current(String hash, Session session) {}
}
