package dev.portico.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.Portico;
import dev.portico.json.Json;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A client for tests, DRF's {@code APIClient}: requests to the application in this JVM through the whole pipeline and
 * no socket ({@link #inProcess}), or the same calls to a server over the wire ({@link #http}). It keeps cookies
 * between requests, sends the CSRF token on unsafe methods when it holds the cookie, and signs in as a user without
 * a password dance.
 * <pre>{@code
 * PorticoClient client = PorticoClient.inProcess(app);
 * assertThat(client.get("/api/posts/").query("page", 2).send()).hasStatus(200);
 * client.as(ada);                                      // every request from now on, as ada
 * assertThat(client.post("/api/posts/").json("{}").send())
 *         .isProblem(400).hasFieldError("title", "This field is required.");
 * }</pre>
 * A client is mutable, as DRF's is ({@link #as}, {@link #login}, {@link #logout}); {@link #fork()} gives another one
 * on the same application with its own cookies and credentials. Not for use from several threads at once.
 */
public final class PorticoClient {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Sender sender;
    private final ObjectMapper mapper;
    private final CookieJar cookies;
    private final List<String[]> defaults;
    private String authorization = "";
    private Impersonation impersonation;
    private String csrfCookie = "csrftoken";
    private String csrfHeader = "X-CSRFToken";
    private InetAddress remoteAddress;
    private Contract contract;

    private PorticoClient(
            Sender sender, ObjectMapper mapper, CookieJar cookies, List<String[]> defaults, Contract contract) {
        this.sender = sender;
        this.contract = contract;
        this.mapper = mapper;
        this.cookies = cookies;
        this.defaults = defaults;
    }

    /**
     * A client of {@code app} in this JVM: each request runs the whole pipeline through {@link Portico#handle}, without
     * a server or a socket. Runs the app's start-up tasks first ({@link Portico#prepare()}: connecting and migrating
     * its database), once; {@code app.stop()} releases them.
     */
    public static PorticoClient inProcess(Portico app) {
        Objects.requireNonNull(app, "app").prepare();
        return new PorticoClient(
                new InProcessSender(app),
                app.mapper(),
                new CookieJar(app.config().clock()),
                new ArrayList<>(),
                Contract.of(app.openapi()));
    }

    /** A client of the server at {@code baseUrl} ({@code http://127.0.0.1:8000}), over a real socket. */
    public static PorticoClient http(String baseUrl) {
        return http(baseUrl, Json.mapper());
    }

    /** The same, reading and writing JSON with {@code mapper} (the application's, for its modules and naming). */
    public static PorticoClient http(String baseUrl, ObjectMapper mapper) {
        return new PorticoClient(
                new HttpSender(URI.create(baseUrl), mapper),
                mapper,
                new CookieJar(Clock.systemUTC()),
                new ArrayList<>(),
                Contract.none());
    }

    /**
     * A client of {@code app} over a real socket on loopback; the app must be started ({@link Portico#start()}).
     * Cookies age on the app's clock, as the server dates them.
     */
    public static PorticoClient overTheWire(Portico app) {
        return new PorticoClient(
                new HttpSender(loopback(app), app.mapper()),
                app.mapper(),
                new CookieJar(app.config().clock()),
                new ArrayList<>(),
                Contract.of(app.openapi()));
    }

    private static URI loopback(Portico app) {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** Another client on the same application, starting with a copy of this one's cookies, headers and credentials. */
    public PorticoClient fork() {
        return copy(sender, cookies.copy());
    }

    /**
     * The same browser talking to another instance, {@code other}, as behind a load balancer without sticky sessions:
     * the cookie jar is shared from now on (a cookie set by either instance goes to both), and the headers and
     * credentials are copied. In-process when this client is, else over the wire ({@code other} must be started).
     */
    public PorticoClient on(Portico other) {
        Objects.requireNonNull(other, "other");
        Sender to;
        if (sender instanceof InProcessSender) {
            other.prepare();
            to = new InProcessSender(other);
        } else {
            to = new HttpSender(loopback(other), mapper);
        }
        return copy(to, cookies).contract(Contract.of(other.openapi()));
    }

    private PorticoClient copy(Sender to, CookieJar jar) {
        PorticoClient copy = new PorticoClient(to, mapper, jar, new ArrayList<>(defaults), contract);
        copy.authorization = authorization;
        copy.impersonation = impersonation;
        copy.csrfCookie = csrfCookie;
        copy.csrfHeader = csrfHeader;
        copy.remoteAddress = remoteAddress;
        return copy;
    }

    /** A GET request. */
    public ClientRequest get(String path) {
        return request("GET", path);
    }

    /** A POST request. */
    public ClientRequest post(String path) {
        return request("POST", path);
    }

    /** A PUT request. */
    public ClientRequest put(String path) {
        return request("PUT", path);
    }

    /** A PATCH request. */
    public ClientRequest patch(String path) {
        return request("PATCH", path);
    }

    /** A DELETE request. */
    public ClientRequest delete(String path) {
        return request("DELETE", path);
    }

    /** A HEAD request: the answer has the GET's headers and no body. */
    public ClientRequest head(String path) {
        return request("HEAD", path);
    }

    /** An OPTIONS request. */
    public ClientRequest options(String path) {
        return request("OPTIONS", path);
    }

    /** A request with any method, an extension method too; {@code path} may hold a query string. */
    public ClientRequest request(String method, String path) {
        Addresses.requireTarget(path);
        return new ClientRequest(this, method, path);
    }

    /**
     * The contract every answer is checked against from now on: by default the app's own OpenAPI document for a
     * client of an app ({@link #inProcess}, {@link #overTheWire}), none for {@link #http}. {@link Contract#none()}
     * turns the check off, for a test that means to see an answer the document does not describe.
     */
    public PorticoClient contract(Contract contract) {
        this.contract = Objects.requireNonNull(contract, "contract");
        return this;
    }

    /** A header sent with every request from now on. */
    public PorticoClient header(String name, String value) {
        defaults.add(new String[] {name, value});
        return this;
    }

    /** How {@link #as} signs in: portico-test's {@code TestAccounts.jwt()}, or the application's own. */
    public PorticoClient impersonation(Impersonation impersonation) {
        this.impersonation = Objects.requireNonNull(impersonation, "impersonation");
        return this;
    }

    /**
     * Every request from now on signed in as {@code user}, with the credentials the {@link Impersonation} mints
     * (DRF's {@code force_authenticate}, but through the real authenticators).
     *
     * @throws IllegalStateException when no impersonation is set, naming how to set one
     */
    public PorticoClient as(Object user) {
        this.authorization = impersonate(user);
        return this;
    }

    /** Every request from now on with {@code Authorization: Bearer <token>}. */
    public PorticoClient withJwt(String token) {
        this.authorization = "Bearer " + token;
        return this;
    }

    /** Every request from now on with {@code Authorization: Api-Key <keyid:secret>}. */
    public PorticoClient withApiKey(String key) {
        this.authorization = "Api-Key " + key;
        return this;
    }

    /** Every request from now on with this {@code Authorization} header (HTTP Basic, say). */
    public PorticoClient withAuthorization(String value) {
        this.authorization = value;
        return this;
    }

    /**
     * A session login as a browser does it, with portico-auth's account endpoints under {@code /auth/}: {@code GET
     * /auth/csrf/} for the CSRF cookie, then {@code POST /auth/login/} with the token; the session cookie is kept, and
     * the CSRF token goes with every unsafe request after.
     *
     * @throws AssertionError when the login is refused, with the answer
     */
    public PorticoClient login(String username, String password) {
        return login("/auth/", username, password);
    }

    /** {@link #login(String, String)} with the account endpoints under {@code prefix}. */
    public PorticoClient login(String prefix, String username, String password) {
        TestResponse csrf = get(prefix + "csrf/").send();
        if (csrf.status() != 200) {
            throw new AssertionError("GET " + prefix + "csrf/ answered " + csrf.status() + ": " + csrf.abbreviated());
        }
        TestResponse login = post(prefix + "login/")
                .json(Map.of("username", username, "password", password))
                .send();
        if (login.status() != 200) {
            throw new AssertionError(
                    "login as " + username + " answered " + login.status() + ": " + login.abbreviated());
        }
        return this;
    }

    /** Forgets the cookies (the session with them) and the credentials, as DRF's {@code logout()}; the server is not told. */
    public PorticoClient logout() {
        cookies.clear();
        authorization = "";
        return this;
    }

    /**
     * Every request from now on comes from {@code ip} (an IPv4 or IPv6 literal), as Django's {@code REMOTE_ADDR}: for
     * per-address throttles and {@code server.trusted-proxies} in-process. Over the wire the peer is the socket's, so
     * a request of a client given one fails there.
     *
     * @throws IllegalArgumentException when {@code ip} is not an address literal (a host name is never looked up)
     */
    public PorticoClient remoteAddress(String ip) {
        this.remoteAddress = Addresses.literal(ip);
        return this;
    }

    /** The CSRF cookie and header names, when the app changed {@code auth.csrf.cookie-name}. */
    public PorticoClient csrf(String cookieName, String headerName) {
        this.csrfCookie = cookieName;
        this.csrfHeader = headerName;
        return this;
    }

    /** The cookies held. */
    public CookieJar cookies() {
        return cookies;
    }

    /** The mapper JSON bodies are written and read with. */
    public ObjectMapper mapper() {
        return mapper;
    }

    String impersonate(Object user) {
        if (impersonation == null) {
            throw new IllegalStateException("as(user) needs to know how to sign in: call impersonation(...) first,"
                    + " e.g. client.impersonation(TestAccounts.on(app.config()).jwt()) with portico-auth");
        }
        return impersonation.authorization(Objects.requireNonNull(user, "user"));
    }

    TestResponse send(ClientRequest request) {
        List<String[]> headers = new ArrayList<>(defaults);
        headers.addAll(request.headers());
        String credentials = request.authorization() != null ? request.authorization() : authorization;
        if (!credentials.isEmpty() && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Authorization"))) {
            headers.add(new String[] {"Authorization", credentials});
        }
        List<String> cookieParts = new ArrayList<>();
        cookies.header().ifPresent(cookieParts::add);
        cookieParts.addAll(request.cookies());
        if (!cookieParts.isEmpty()) {
            headers.add(new String[] {"Cookie", String.join("; ", cookieParts)});
        }
        if (!SAFE.contains(request.method())
                && request.sendsCsrfToken()
                && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase(csrfHeader))) {
            cookies.get(csrfCookie).ifPresent(token -> headers.add(new String[] {csrfHeader, token}));
        }
        byte[] body = request.bodyBytes();
        if (body == null
                && !SAFE.contains(request.method())
                && !request.method().equals("DELETE")) {
            body = new byte[0]; // as curl -X POST and the JDK client send it: Content-Length: 0
        }
        Outgoing out = new Outgoing(
                request.method(), request.rawPath(), request.rawQuery(), List.copyOf(headers), body, remoteAddress);
        TestResponse response = sender.send(out).receivedAt(cookies.now());
        cookies.receive(response.headers("Set-Cookie"));
        contract.check(out, response);
        return response;
    }

    @Override
    public String toString() {
        return "PorticoClient[" + sender.describe() + "]";
    }
}
