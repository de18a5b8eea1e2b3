package dev.portico.auth.browsable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.Mustache;
import dev.portico.Portico;
import dev.portico.auth.Permission;
import dev.portico.auth.Refusal;
import dev.portico.auth.page.Pages;
import dev.portico.auth.session.Sessions;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.endpoint.Invoker;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Response;
import dev.portico.metadata.ApiPage;
import dev.portico.metadata.PageRenderer;
import java.util.List;
import java.util.Set;

/**
 * DRF's browsable API: a browser that asks any JSON endpoint ({@code Accept: text/html}, or {@code ?format=api}) gets
 * an HTML page of the same answer, after the same pipeline: the request line, the status and headers, the body
 * pretty-printed with its links clickable, the path's methods as buttons, and for the writing methods this caller may
 * use a form derived from the input type (labels, help, constraints, current values for PUT, nested records and
 * lists, enum choices, files) and a raw data form. A 400 comes back into the form, each error beside its field.
 * <pre>{@code
 * BrowsableApi.create(sessions).title("Blog").addTo(app);   // api.browsable=false turns the pages off
 * }</pre>
 * It logs in with portico-auth's session ({@code /api-auth/login/}, DRF's address) and every form carries the CSRF
 * token, which the session authenticator checks on every unsafe request. Pages have a strict Content-Security-Policy
 * (no inline script or style, nothing from another origin), {@code X-Frame-Options: DENY} and {@code no-store}, and
 * Mustache escapes every value.
 */
public final class BrowsableApi implements PageRenderer {
    /** Where the log in pages and the page's files are, unless told otherwise: DRF's {@code api-auth/}. */
    public static final String DEFAULT_PREFIX = "/api-auth/";

    private static final Set<String> OWN_HEADERS =
            Set.of("content-type", "content-length", "etag", "cache-control", "vary");

    private final Sessions sessions;
    private String site = "Portico";
    private String prefix = DEFAULT_PREFIX;
    private String home = "/";

    private BrowsableApi(Sessions sessions) {
        this.sessions = sessions;
    }

    /** The pages, signing in with {@code sessions}. */
    public static BrowsableApi create(Sessions sessions) {
        return new BrowsableApi(sessions);
    }

    /** The site's name in the top bar and the browser's tab ({@code Portico} by default). */
    public BrowsableApi title(String site) {
        this.site = site;
        return this;
    }

    /** Where the top bar's name and a log in without {@code next} lead ({@code /} by default). */
    public BrowsableApi home(String home) {
        this.home = home;
        return this;
    }

    /** Where the log in pages and files are mounted: a path starting and ending with {@code /}. */
    public BrowsableApi prefix(String prefix) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/") || prefix.contains("//")) {
            throw new IllegalArgumentException("BrowsableApi: the prefix must start and end with /, such as "
                    + DEFAULT_PREFIX + ", not " + prefix);
        }
        this.prefix = prefix;
        return this;
    }

    /** Installs the renderer, the session middleware (it writes the cookies), and the log in pages and files. */
    public Portico.Builder addTo(Portico.Builder app) {
        sessions.install(app);
        app.pageRenderer(this);
        app.endpoints(this::endpoints); // made when the app is built: a command never pays for them
        return app;
    }

    /** The log in and log out pages, the stylesheet and the script. */
    public List<Endpoint> endpoints() {
        LoginPages login = new LoginPages(sessions, chrome());
        return List.of(
                page(HttpMethod.GET, "login/", login::form),
                page(HttpMethod.POST, "login/", login::login, sessions.csrf().protect()),
                page(HttpMethod.POST, "logout/", login::logout),
                Pages.asset(prefix + "portico.css", Pages.class, "portico.css", "text/css; charset=utf-8"),
                Pages.asset(
                        prefix + "browsable.js", BrowsableApi.class, "browsable.js", "text/javascript; charset=utf-8"));
    }

    /**
     * The page of an answer, with the answer's status and headers but a Basic challenge: a browser would show its
     * password prompt, where the page offers its log in link. Without that challenge a 401 would name none, which
     * RFC 9110 forbids, so the page is then a 403, as {@link dev.portico.auth.Refusal} answers where no challenge
     * applies.
     */
    @Override
    public Response render(ApiPage page) {
        String csrf = sessions.csrf().token(page.request());
        String html = Pages.render(Rendering.TEMPLATE, new ApiPageView(Rendering.MAPPER, chrome()).scope(page, csrf));
        Response answer = page.response();
        boolean basicOnly = answer.headerValue(Refusal.HEADER)
                .filter(c -> c.startsWith("Basic"))
                .isPresent();
        Response out = Pages.page(basicOnly && answer.status() == 401 ? 403 : answer.status(), html);
        for (int i = 0; i < answer.headerCount(); i++) {
            String name = answer.headerName(i);
            boolean basic = name.equalsIgnoreCase(Refusal.HEADER)
                    && answer.headerValue(i).startsWith("Basic");
            if (!OWN_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !basic) {
                out.header(name, answer.headerValue(i)); // Allow, Location, RateLimit-*, Retry-After...
            }
        }
        if (answer.headerValue("Allow").isEmpty() && !page.allowed().isEmpty()) { // DRF names them on every answer
            out.header(
                    "Allow",
                    String.join(", ", page.allowed().stream().map(Enum::name).toList()));
        }
        return out;
    }

    private Chrome chrome() {
        return new Chrome(site, home, prefix);
    }

    private Endpoint page(HttpMethod method, String path, Invoker handler, Middleware... middlewares) {
        EndpointBuilder builder = Endpoint.builder(method, prefix + path)
                .output(Response.class)
                .produces("text/html")
                .handle(handler)
                .middleware(middlewares)
                .authenticators(sessions.authenticator())
                .permissions(Permission.allowAny())
                .hidden(true)
                .source("BrowsableApi");
        return builder.build();
    }

    /**
     * What a page needs to render, made when the first page is: the app's commands declare the browsable API without
     * ever rendering it, and the template's compiling and Jackson's first mapper cost each of them a twentieth of its
     * start.
     */
    private static final class Rendering {
        static final Mustache TEMPLATE = Pages.template("dev/portico/auth/browsable/api.mustache");
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
