package dev.portico.auth.account;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.session.Sessions;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import dev.portico.throttle.Throttle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dj-rest-auth's endpoints on Portico's sessions, mounted with one call:
 * <pre>{@code
 * AccountEndpoints.create(accounts, sessions).addTo(app);
 * }</pre>
 * <pre>
 *   GET   /auth/csrf/              the CSRF cookie and a token, before a first unsafe request
 *   POST  /auth/register/          username, email, password1, password2 → 201, logged in
 *   POST  /auth/login/             username, password → 200, session and CSRF cookies
 *   POST  /auth/logout/            the session deleted, its cookie cleared; a refresh token sent, blacklisted
 *   POST  /auth/logout_everywhere/ every session and token of the user ended at once
 *   GET   /auth/user/              the logged-in user
 *   PATCH /auth/user/              username, email
 *   POST  /auth/password/change/   old_password, new_password1, new_password2; other sessions end
 * </pre>
 * Register, login and the password change are throttled by client IP ({@link Accounts#throttle()},
 * {@code auth.throttle}) whatever credentials ride along. Register and login check CSRF whoever sends them (a cross-site page must not log a victim into another account);
 * the others are authenticated by the session cookie, which enforces CSRF on unsafe methods itself. Only
 * {@link Sessions#authenticator()} authenticates them unless {@link #authenticators} says otherwise. {@link #addTo}
 * also installs the session middleware, which writes the cookies.
 */
public final class AccountEndpoints {
    private final Accounts accounts;
    private final Sessions sessions;
    private Optional<Tokens> tokens = Optional.empty();
    private final Optional<Throttle> throttle;
    private String prefix = "/auth/";
    private boolean registration = true;
    private Authenticator[] authenticators;

    private AccountEndpoints(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.throttle = accounts.throttle();
        this.sessions = sessions;
        this.authenticators = new Authenticator[] {sessions.authenticator()};
    }

    /** The endpoints for {@code accounts}, logging in with {@code sessions}. */
    public static AccountEndpoints create(Accounts accounts, Sessions sessions) {
        return new AccountEndpoints(accounts, sessions);
    }

    /** Where they are mounted, {@code /auth/} by default. */
    public AccountEndpoints prefix(String prefix) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("an account prefix starts and ends with /, such as /auth/, not " + prefix);
        }
        this.prefix = prefix;
        return this;
    }

    /** Whether anyone may register an account (true by default); false leaves the endpoint out. */
    public AccountEndpoints registration(boolean open) {
        this.registration = open;
        return this;
    }

    /**
     * The authenticators of the endpoints, instead of the session's alone: add a token authenticator to let token
     * callers read and change their account, change their password and log out everywhere too. Keep the session's
     * first: a request with both a cookie and a token then counts as the session's, so a password change re-issues
     * that session rather than ending it.
     */
    public AccountEndpoints authenticators(Authenticator... authenticators) {
        this.authenticators = authenticators.clone();
        return this;
    }

    /**
     * The JWTs of the application: a logout sent {@code {"refresh": "<token>"}} then blacklists that refresh token
     * and every token of its login, as dj-rest-auth does with simplejwt's blacklist app.
     */
    public AccountEndpoints refreshTokens(Tokens tokens) {
        this.tokens = Optional.of(tokens);
        return this;
    }

    /** The endpoints, in the order of the table above. */
    public List<Endpoint> endpoints() {
        AccountActions actions = new AccountActions(accounts, sessions, tokens);
        List<Endpoint> all = new ArrayList<>();
        all.add(Endpoint.builder(HttpMethod.GET, prefix + "csrf/").output(CsrfToken.class)
                .handle(actions::csrf).operationId("retrieveCsrfToken").summary("Get a CSRF token")
                .description("Sets the csrftoken cookie and returns a token for the X-CSRFToken header of the next "
                        + "unsafe request: call it before logging in.")
                .tags("auth").authenticators(authenticators).permissions(Permission.allowAny()).build());
        if (registration) {
            all.add(Endpoint.builder(HttpMethod.POST, prefix + "register/").output(UserDetails.class).body(Register.class)
                    .<Register>handleBody(actions::register).status(201).operationId("register")
                    .summary("Register an account")
                    .description("Creates the account and logs it in (session and CSRF cookies). Needs a CSRF token.")
                    .tags("auth").middleware(sessions.csrf().protect()).authenticators(authenticators)
                    .permissions(Permission.allowAny()).throttle(throttle.orElse(null)).build());
        }
        all.add(Endpoint.builder(HttpMethod.POST, prefix + "login/").output(UserDetails.class).body(Login.class)
                .<Login>handleBody(actions::login).operationId("login").summary("Log in")
                .description("Starts a session: a new sessionid cookie (any earlier one ends) and a new csrftoken. "
                        + "Needs a CSRF token, so a cross-site page cannot log a visitor into another account.")
                .tags("auth").middleware(sessions.csrf().protect()).authenticators(authenticators)
                .permissions(Permission.allowAny()).throttle(throttle.orElse(null)).build());
        all.add(Endpoint.builder(HttpMethod.POST, prefix + "logout/").output(RestAuthDetail.class)
                .handle(actions::logout).operationId("logout").summary("Log out")
                .description("Deletes the session and clears its cookie. A JSON or form body `{\"refresh\": \"<token>\"}` "
                        + "also blacklists that refresh token and every token of its login (401 if it is not valid).")
                .tags("auth").authenticators(authenticators).permissions(Permission.allowAny()).build());
        all.add(Endpoint.builder(HttpMethod.POST, prefix + "logout_everywhere/").output(RestAuthDetail.class)
                .handle(actions::logoutEverywhere).operationId("logoutEverywhere").summary("Log out everywhere")
                .description("Ends every session and every token of the user at once, on every device, this one "
                        + "included (its session cookie is cleared). API keys go on working: revoke them one by one.")
                .tags("auth").authenticators(authenticators).permissions(Permission.authenticated()).build());
        all.add(Endpoint.builder(HttpMethod.GET, prefix + "user/").output(UserDetails.class)
                .handle(actions::user).operationId("retrieveCurrentUser").summary("Get the logged-in user")
                .tags("auth").authenticators(authenticators).permissions(Permission.authenticated()).build());
        all.add(Endpoint.builder(HttpMethod.PATCH, prefix + "user/").output(UserDetails.class)
                .body(PatchedUserDetails.class).<PatchedUserDetails>handleBody(actions::update)
                .operationId("partialUpdateCurrentUser").summary("Change the logged-in user's username or email")
                .tags("auth").authenticators(authenticators).permissions(Permission.authenticated()).build());
        all.add(Endpoint.builder(HttpMethod.POST, prefix + "password/change/").output(RestAuthDetail.class)
                .body(PasswordChange.class).<PasswordChange>handleBody(actions::changePassword)
                .operationId("changePassword").summary("Change the password")
                .description("Ends every other session and token of the user; this session goes on with a new id.")
                .tags("auth").authenticators(authenticators).permissions(Permission.authenticated())
                .throttle(throttle.orElse(null)).build());
        return all;
    }

    /** Mounts the endpoints on {@code app} and installs the session middleware. */
    public Portico.Builder addTo(Portico.Builder app) {
        sessions.install(app);
        endpoints().forEach(app::endpoint);
        return app;
    }
}
