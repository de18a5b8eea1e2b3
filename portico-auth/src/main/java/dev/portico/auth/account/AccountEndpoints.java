package dev.portico.auth.account;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.mail.Mailer;
import dev.portico.auth.session.Sessions;
import dev.portico.config.PorticoConfig;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Request;
import dev.portico.throttle.Throttle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * dj-rest-auth's endpoints on Portico's sessions, and with {@link #tokens} on its JWTs, mounted with one call:
 * <pre>{@code
 * AccountEndpoints.create(accounts, sessions).config(config).tokens(tokens).mailer(mailer).addTo(app);
 * }</pre>
 * <pre>
 *   GET   /auth/csrf/                          the CSRF cookie and a token, for a page's first unsafe request
 *   POST  /auth/registration/                  username, email, password1, password2 → 201, logged in
 *   POST  /auth/registration/verify-email/     key → {"detail": "ok"}
 *   POST  /auth/registration/resend-email/     email → {"detail": "ok"}
 *   POST  /auth/login/                         username or email, password → a session, and tokens with JWT
 *   POST  /auth/logout/                        the session deleted, its cookie cleared
 *   POST  /auth/logout_everywhere/             every session and token of the user ended at once
 *   GET   /auth/user/                          the logged-in user
 *   PUT   /auth/user/, PATCH /auth/user/       username, email, first_name, last_name
 *   POST  /auth/password/change/               new_password1, new_password2 (and old_password, when required)
 *   POST  /auth/password/reset/                email → always 200, an e-mail if the address has an account
 *   POST  /auth/password/reset/confirm/        uid, token, new_password1, new_password2
 *   POST  /auth/token/refresh/, token/verify/  Simple JWT's views, with {@link #tokens}
 * </pre>
 * With {@code auth.account.url-layout=portico} registration is at {@code register/} and the {@code token/} URLs are
 * left out. Login and registration ask a CSRF token of forms only (DRF's rule, {@code auth.account.csrf=json}): a
 * JSON body, which another site's page cannot send without a CORS preflight, needs none, but is refused when its
 * {@code Origin} is foreign; {@code always} asks it of every one. The other endpoints are authenticated by the
 * session cookie, which enforces CSRF on unsafe methods itself, or by a token. Only {@link Sessions#authenticator()}
 * authenticates them unless {@link #authenticators} says otherwise. {@link #addTo} also installs the session
 * middleware, which writes the cookies. Registration, login, the password change and the password reset are throttled
 * by client IP ({@link Accounts#throttle()}, {@code auth.throttle}) whatever credentials ride along; a logout sent
 * {@code {"refresh": "<token>"}} blacklists that refresh token and every token of its login.
 */
public final class AccountEndpoints {
    private static final String TAG = "auth";
    private final Accounts accounts;
    private final Sessions sessions;
    private String prefix = "/auth/";
    private boolean registration = true;
    private Authenticator[] authenticators;
    private AccountOptions options = AccountOptions.of(PorticoConfig.defaults());
    private Optional<Tokens> tokens = Optional.empty();
    private Optional<Mailer> mailer = Optional.empty();
    private Optional<PorticoConfig> config = Optional.empty();
    private final Optional<Throttle> throttle;

    private AccountEndpoints(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.throttle = accounts.throttle();
        this.sessions = sessions;
        this.authenticators = new Authenticator[] {sessions.authenticator()};
    }

    /** The endpoints for {@code accounts}, logging in with {@code sessions}, with every setting at its default. */
    public static AccountEndpoints create(Accounts accounts, Sessions sessions) {
        return new AccountEndpoints(accounts, sessions);
    }

    /** Reads the {@code auth.account.*} settings of {@code config}, and without {@link #mailer} its {@code mail.*}. */
    public AccountEndpoints config(PorticoConfig config) {
        this.options = AccountOptions.of(config);
        this.config = Optional.of(config);
        return this;
    }

    /**
     * Answers login and registration with {@code {access, refresh, user}} (unless {@code auth.account.jwt-responses}
     * is false), mounts {@code token/refresh/} and {@code token/verify/}, and lets a logout blacklist the refresh token
     * it is sent, as dj-rest-auth does with Simple JWT's blacklist app.
     */
    public AccountEndpoints tokens(Tokens tokens) {
        this.tokens = Optional.of(tokens);
        return this;
    }

    /** Sends the password-reset and verification e-mails through {@code mailer}; by default, the settings' one. */
    public AccountEndpoints mailer(Mailer mailer) {
        this.mailer = Optional.of(mailer);
        return this;
    }

    /** Where they are mounted, {@code /auth/} by default. */
    public AccountEndpoints prefix(String prefix) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException(
                    "an account prefix starts and ends with /, such as /auth/, not " + prefix);
        }
        this.prefix = prefix;
        return this;
    }

    /** Whether anyone may register an account (true by default); false leaves its endpoints out. */
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

    /** The endpoints, in the order of the table above. */
    public List<Endpoint> endpoints() {
        Mailer mail = mailer.orElseGet(() -> Mailer.create(config.orElseGet(PorticoConfig::defaults)));
        Profiles profiles = new Profiles(accounts.database().jdbi(), accounts.clock());
        OneTimeTokens oneTime = new OneTimeTokens(accounts.database().jdbi(), accounts.clock());
        EmailVerifications verifications = new EmailVerifications(profiles, oneTime, mail, options);
        AccountActions actions = new AccountActions(accounts, sessions, profiles, tokens, options, verifications);
        PasswordResets resets = new PasswordResets(accounts, sessions, profiles, oneTime, mail, options);
        boolean djRestAuth = options.layout() == AccountSettings.UrlLayout.DJ_REST_AUTH;
        List<Endpoint> all = new ArrayList<>();
        all.add(open(HttpMethod.GET, "csrf/")
                .output(CsrfToken.class)
                .handle(actions::csrf)
                .operationId("retrieveCsrfToken")
                .summary("Get a CSRF token")
                .description("Sets the csrftoken cookie and returns a token for the X-CSRFToken header of the next "
                        + "unsafe request of a page.")
                .build());
        if (registration) {
            all.addAll(RegistrationEndpoints.of(this, actions, verifications, djRestAuth));
        }
        all.add(guessed(open(HttpMethod.POST, "login/"))
                .output(loginOutput())
                .body(Login.class)
                .<Login>handleBody(actions::login)
                .operationId("login")
                .summary("Log in")
                .description("Takes the username or the email address, and the password. Starts a session (a new "
                        + "sessionid cookie, a new csrftoken)"
                        + (jwt() ? " and answers an access and a refresh token" : "") + ". " + csrfSentence())
                .middleware(anonymousCsrf())
                .build());
        all.add(open(HttpMethod.POST, "logout/")
                .output(RestAuthDetail.class)
                .handle(actions::logout)
                .operationId("logout")
                .summary("Log out")
                .description(
                        "Deletes the session and clears its cookie. A JSON or form body `{\"refresh\": \"<token>\"}`"
                                + " also blacklists that refresh token and every token of its login (401 if it is not"
                                + " valid).")
                .build());
        all.add(mine(HttpMethod.POST, "logout_everywhere/")
                .output(RestAuthDetail.class)
                .handle(actions::logoutEverywhere)
                .operationId("logoutEverywhere")
                .summary("Log out everywhere")
                .description("Ends every session and every token of the user at once, on every device, this one "
                        + "included (its session cookie is cleared). API keys go on working: revoke them one by one.")
                .build());
        all.addAll(UserEndpoints.of(this, actions, resets, options));
        if (djRestAuth && tokens.isPresent()) {
            all.addAll(TokenEndpoints.of(this, tokens.get()));
        }
        return all;
    }

    /**
     * Forgets the password-reset and confirmation tokens past their expiry (for {@code clearsessions}); how many
     * went. Expired ones are refused anyway: this only keeps the table small.
     */
    public static int deleteExpiredTokens(Accounts accounts) {
        return new OneTimeTokens(accounts.database().jdbi(), accounts.clock()).deleteExpired();
    }

    /** Mounts the endpoints on {@code app} and installs the session middleware. */
    public Portico.Builder addTo(Portico.Builder app) {
        sessions.install(app);
        app.endpoints(this::endpoints); // made when the app is built: a command never pays for them
        return app;
    }

    boolean jwt() {
        return options.jwtResponses() && tokens.isPresent();
    }

    boolean mandatoryVerification() {
        return options.mandatory();
    }

    Class<?> loginOutput() {
        return jwt() ? JwtLogin.class : UserDetails.class;
    }

    String csrfSentence() {
        return options.csrf() == AccountSettings.CsrfRule.ALWAYS
                ? "Needs a CSRF token (GET csrf/ first)."
                : "A form needs a CSRF token (GET csrf/ first); a JSON body needs none, but a foreign Origin is "
                        + "refused.";
    }

    /** An endpoint anyone may call, with the endpoints' authenticators (a session's unsafe request needs CSRF). */
    EndpointBuilder open(HttpMethod method, String path) {
        return Endpoint.builder(method, prefix + path)
                .tags(TAG)
                .authenticators(authenticators)
                .permissions(Permission.allowAny());
    }

    /** An endpoint that checks a password or sends mail: throttled by client IP whatever credentials ride along. */
    EndpointBuilder guessed(EndpointBuilder builder) {
        return builder.throttle(throttle.orElse(null));
    }

    /** An endpoint of the logged-in user. */
    EndpointBuilder mine(HttpMethod method, String path) {
        return Endpoint.builder(method, prefix + path)
                .tags(TAG)
                .authenticators(authenticators)
                .permissions(Permission.authenticated());
    }

    /** Simple JWT's views: public, as seed 004 mounts them. */
    EndpointBuilder token(HttpMethod method, String path) {
        return Endpoint.builder(method, prefix + path)
                .tags(TAG)
                .authenticators()
                .permissions();
    }

    /** The CSRF rule of anonymous login and registration ({@code auth.account.csrf}). */
    Middleware anonymousCsrf() {
        return next -> request -> {
            if (options.csrf() == AccountSettings.CsrfRule.ALWAYS || !json(request)) {
                sessions.csrf().check(request);
            } else {
                sessions.csrf().checkSameSite(request);
            }
            return next.handle(request);
        };
    }

    /** Whether the body is JSON, which no HTML form can send and another site's script only after a CORS preflight. */
    private static boolean json(Request request) {
        return request.contentType()
                .map(type -> {
                    String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                    return media.equals("application/json")
                            || media.startsWith("application/") && media.endsWith("+json");
                })
                .orElse(false);
    }
}
