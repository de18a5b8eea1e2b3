package dev.portico.auth.web;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.session.Sessions;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.endpoint.Invoker;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The page where users manage their own API keys (seed 000's "simple UI for creating, viewing, and revoking API
 * keys"), server-rendered HTML that works with plain forms and JavaScript off:
 * <pre>{@code
 * KeysPages.create(accounts, keys, sessions).prefix("/account/keys/").addTo(app);
 * }</pre>
 * <pre>
 *   GET  /account/keys/                 the signed-in user's keys and the create form; else the sign-in form
 *   POST /account/keys/login/           username, password → a session, 303 back; 400 and the form if refused
 *   POST /account/keys/logout/          the session ended, 303 back
 *   POST /account/keys/create/          name, expires_on (yyyy-mm-dd), role → 201, the page with the secret once
 *   POST /account/keys/{key}/revoke/    one of the user's own keys revoked, 303 back; 404 for anyone else's
 *   GET  /account/keys/keys.js|.css     the copy button's script and the stylesheet
 * </pre>
 * Only the session authenticates these pages, never an API key, so a leaked key cannot mint more. Every form
 * carries the CSRF token ({@code csrf_token}); the session authenticator checks it on every POST it
 * authenticates and {@code Csrf.protect()} on the sign-in. The secret of a new key is in the body of the response
 * to the POST that made it, marked {@code no-store} as every page is, and in no URL, log or later page. Pages
 * send a Content-Security-Policy with no inline script and nothing from another origin. They are hidden from the
 * OpenAPI document. {@link #addTo} also installs the session middleware, which writes the cookies.
 */
public final class KeysPages {
    /** Where the pages are mounted unless told otherwise. */
    public static final String DEFAULT_PREFIX = "/account/keys/";

    private final Accounts accounts;
    private final ApiKeys keys;
    private final Sessions sessions;
    private String prefix = DEFAULT_PREFIX;
    private String title = "Portico";
    private Consumer<EndpointBuilder> customizer = e -> {};

    private KeysPages(Accounts accounts, ApiKeys keys, Sessions sessions) {
        this.accounts = accounts;
        this.keys = keys;
        this.sessions = sessions;
    }

    /** The pages for the keys of {@code accounts}, signing in with {@code sessions}. */
    public static KeysPages create(Accounts accounts, ApiKeys keys, Sessions sessions) {
        return new KeysPages(accounts, keys, sessions);
    }

    /**
     * Where they are mounted, {@link #DEFAULT_PREFIX} by default: a path that starts and ends with {@code /}, of
     * letters, digits and {@code - _ . /}.
     */
    public KeysPages prefix(String prefix) {
        if (!plainPath(prefix)) {
            throw new IllegalArgumentException("KeysPages: the prefix must start and end with / and hold only letters, "
                    + "digits, '-', '_', '.' and '/', such as " + DEFAULT_PREFIX + ", not " + prefix);
        }
        this.prefix = prefix;
        return this;
    }

    /** The site's name, shown in the heading and the browser's tab ({@code Portico} by default). */
    public KeysPages title(String title) {
        this.title = title;
        return this;
    }

    /**
     * Customises every endpoint of the pages, after their own settings: {@code e -> e.throttle(signInThrottle)}.
     * Changing their authenticators is at the application's risk: the CSRF check comes with the session's.
     */
    public KeysPages customize(Consumer<EndpointBuilder> customizer) {
        this.customizer = customizer;
        return this;
    }

    /** The endpoints, in the order of the table above. */
    public List<Endpoint> endpoints() {
        KeysView view = new KeysView(prefix, title);
        KeysActions actions = new KeysActions(accounts, keys, sessions, view, prefix);
        Middleware errors = HtmlErrors.of(view);
        List<Endpoint> all = new ArrayList<>();
        all.add(page(HttpMethod.GET, prefix, actions::show, errors));
        all.add(build(pageBuilder(
                        HttpMethod.POST,
                        prefix + "login/",
                        actions::login,
                        errors,
                        sessions.csrf().protect())
                .throttle(accounts.throttle().orElse(null)))); // a password form: by client IP, as /auth/login/
        all.add(page(HttpMethod.POST, prefix + "logout/", actions::logout, errors));
        all.add(page(HttpMethod.POST, prefix + "create/", actions::create, errors));
        all.add(page(HttpMethod.POST, prefix + "{key}/revoke/", actions::revoke, errors));
        all.add(asset(
                prefix + "keys.js", Asset.resource("keys.js", "text/javascript; charset=utf-8"), "text/javascript"));
        all.add(asset(prefix + "keys.css", Asset.resource("keys.css", "text/css; charset=utf-8"), "text/css"));
        return all;
    }

    /** Mounts the pages on {@code app} and installs the session middleware. */
    public Portico.Builder addTo(Portico.Builder app) {
        sessions.install(app);
        app.endpoints(this::endpoints); // made when the app is built: a command never pays for them
        return app;
    }

    private Endpoint page(HttpMethod method, String path, Invoker handler, Middleware... middlewares) {
        return build(pageBuilder(method, path, handler, middlewares));
    }

    private EndpointBuilder pageBuilder(HttpMethod method, String path, Invoker handler, Middleware... middlewares) {
        return Endpoint.builder(method, path)
                .output(Response.class)
                .produces("text/html")
                .handle(handler)
                .middleware(middlewares)
                .authenticators(sessions.authenticator())
                .permissions(Permission.allowAny());
    }

    private Endpoint asset(String path, Asset asset, String mediaType) {
        return build(Endpoint.builder(HttpMethod.GET, path)
                .output(Response.class)
                .produces(mediaType)
                .handle(asset::serve)
                .authenticators(new Authenticator[0])
                .permissions(Permission.allowAny()));
    }

    private Endpoint build(EndpointBuilder builder) {
        builder.hidden(true).source("KeysPages");
        customizer.accept(builder);
        return builder.build();
    }

    private static boolean plainPath(String path) {
        if (path == null || !path.startsWith("/") || !path.endsWith("/") || path.contains("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_./".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
