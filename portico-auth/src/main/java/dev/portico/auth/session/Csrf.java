package dev.portico.auth.session;

import dev.portico.auth.accounts.Secrets;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.query.BaseUrl;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Request;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery protection, as Django's {@code CsrfViewMiddleware}: an unsafe request (anything but
 * GET, HEAD, OPTIONS) must come from a page of this site's origin or a trusted one, and carry the token of the
 * {@code csrftoken} cookie in the {@code X-CSRFToken} header or a {@code csrf_token} form field.
 *
 * <p>The cookie holds a 32-character secret; pages and clients get it masked ({@link #token}: a fresh random mask
 * and the secret shifted by it, 64 characters), so the token in a page differs on every response and compressing
 * it with attacker-chosen text leaks nothing (BREACH). Both the masked and the bare secret are accepted, compared
 * in constant time. Checked by {@link SessionAuthenticator} for session-authenticated requests (DRF's rule), and
 * by {@link #protect()} on the endpoints a cross-site form could abuse without a session: login and register.
 *
 * <p>An HTML page embeds the token in its form:
 * <pre>{@code
 * String html = "<form method=\"post\" action=\"/keys/\">" + csrf.hiddenInput(request) + "...</form>";
 * }</pre>
 */
public final class Csrf {
    /** The request header that carries the token (Django's {@code CSRF_HEADER_NAME}). */
    public static final String HEADER = "X-CSRFToken";
    /** The form field that carries the token (Django's {@code csrfmiddlewaretoken}). */
    public static final String FIELD = "csrf_token";

    static final int SECRET_LENGTH = 32;
    private static final char[] CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final int[] INDEX = new int[128];
    private static final Request.Attribute<String> SECRET = Request.Attribute.create("csrf secret");

    static {
        java.util.Arrays.fill(INDEX, -1);
        for (int i = 0; i < CHARS.length; i++) {
            INDEX[CHARS[i]] = i;
        }
    }

    private final ResponseCookies.Spec cookie;
    private final Duration cookieAge;
    private final boolean https;
    private final Set<String> allowedHosts;
    private final List<String> trusted = new ArrayList<>(); // scheme://host[:port]
    private final List<String[]> trustedSubdomains = new ArrayList<>(); // {scheme, ".example.com"}
    private final Clock clock;

    private Csrf(PorticoConfig config, Clock clock) {
        this.clock = clock;
        this.https = config.get(SessionSettings.SECURE);
        this.cookie = new ResponseCookies.Spec(config.get(SessionSettings.CSRF_COOKIE_NAME), false, https);
        this.cookieAge = config.get(SessionSettings.CSRF_COOKIE_AGE);
        this.allowedHosts = BaseUrl.hosts(config.get(Settings.SERVER_ALLOWED_HOSTS));
        for (String origin : config.get(SessionSettings.TRUSTED_ORIGINS).split(",")) {
            if (!origin.isBlank()) {
                trust(origin.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The protection with the {@code auth.csrf.*} settings, {@code server.allowed-hosts} and {@code clock}. */
    public static Csrf create(PorticoConfig config, Clock clock) {
        return new Csrf(config, clock);
    }

    private void trust(String origin) {
        int sep = origin.indexOf("://");
        String host = sep < 0 ? "" : origin.substring(sep + 3);
        if (sep <= 0 || host.isEmpty() || host.contains("/")) {
            throw new IllegalArgumentException("auth.csrf.trusted-origins: \"" + origin + "\" must be scheme://host"
                    + "[:port] such as https://app.example.com (or https://*.example.com), with no path");
        }
        if (host.startsWith("*.")) {
            trustedSubdomains.add(new String[] {origin.substring(0, sep), host.substring(1)});
        } else {
            trusted.add(origin);
        }
    }

    /** Whether requests with this method can change something, so must pass the check: all but GET, HEAD, OPTIONS. */
    public static boolean unsafe(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    /**
     * The token to put in a page's form or hand a client (Django's {@code get_token}): masked afresh on every call.
     * The response sets the CSRF cookie (anew when the request had none), so the session middleware must run.
     */
    public String token(Request request) {
        String secret =
                request.attribute(SECRET).or(() -> cookieSecret(request)).orElseGet(Csrf::newSecret);
        sendCookie(request, secret);
        return mask(secret);
    }

    /** A hidden {@code csrf_token} input holding {@link #token}: what {@code {% csrf_token %}} writes. */
    public String hiddenInput(Request request) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + token(request) + "\">";
    }

    /** A new secret and cookie for the response, as at login, so a token learnt before login is worth nothing after. */
    public void rotate(Request request) {
        sendCookie(request, newSecret());
    }

    /** A per-endpoint middleware that runs {@link #check} on unsafe requests, whoever sends them. */
    public Middleware protect() {
        return next -> request -> {
            check(request);
            return next.handle(request);
        };
    }

    /**
     * Passes an unsafe request that comes from this site with the right token; does nothing for a safe one.
     *
     * @throws CsrfFailed 403 with Django's reason
     * @throws dev.portico.error.BadRequest 400 {@code Invalid Host header.} when the origin must be compared with a
     *         Host that is not an allowed host
     */
    public void check(Request request) {
        if (!unsafe(request.method())) {
            return;
        }
        Optional<String> origin = request.header("Origin");
        if (origin.isPresent()) {
            checkOrigin(request, origin.get());
        } else if (https) {
            checkReferer(request);
        }
        String secret = cookieSecret(request).orElseThrow(() -> new CsrfFailed("CSRF cookie not set."));
        String sent = request.header(HEADER)
                .or(() -> request.form().flatMap(f -> f.first(FIELD)))
                .filter(t -> !t.isEmpty())
                .orElseThrow(() -> new CsrfFailed("CSRF token missing."));
        if (!matches(sent, secret)) {
            throw new CsrfFailed("CSRF token incorrect.");
        }
    }

    /**
     * Refuses an unsafe request that a browser says came from another site: an {@code Origin} that is neither this
     * site's nor trusted, or, without an Origin, {@code Sec-Fetch-Site: cross-site}. No token is asked: this is for
     * the anonymous JSON requests that DRF's rule lets through, so a page elsewhere cannot log its visitor into an
     * account even if CORS lets it send JSON. A request without either header (a mobile app, curl) passes.
     *
     * @throws CsrfFailed 403 with Django's reason
     */
    public void checkSameSite(Request request) {
        if (!unsafe(request.method())) {
            return;
        }
        Optional<String> origin = request.header("Origin");
        if (origin.isPresent()) {
            checkOrigin(request, origin.get()); // decisive: a trusted origin of another site passes
        } else if (request.header("Sec-Fetch-Site")
                .filter(site -> site.equalsIgnoreCase("cross-site"))
                .isPresent()) {
            throw new CsrfFailed("Origin checking failed - the request came from another site.");
        }
    }

    private void checkOrigin(Request request, String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        if (lower.equals(ownOrigin(request)) || trustedOrigin(lower)) {
            return;
        }
        throw new CsrfFailed("Origin checking failed - " + origin + " does not match any trusted origins.");
    }

    private void checkReferer(Request request) {
        String referer =
                request.header("Referer").orElseThrow(() -> new CsrfFailed("Referer checking failed - no Referer."));
        URI uri;
        try {
            uri = new URI(referer);
        } catch (URISyntaxException e) {
            throw new CsrfFailed("Referer checking failed - Referer is malformed.");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new CsrfFailed("Referer checking failed - Referer is malformed.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw new CsrfFailed("Referer checking failed - Referer is insecure while host is secure.");
        }
        String origin = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        if (!origin.equals(ownOrigin(request)) && !trustedOrigin(origin)) {
            // Django names the whole Referer; only its origin here, as a path or query may hold what a log should not
            throw new CsrfFailed("Referer checking failed - " + origin + " does not match any trusted origins.");
        }
    }

    private String ownOrigin(Request request) {
        return BaseUrl.fromHost(request, https ? "https" : "http", allowedHosts).origin();
    }

    private boolean trustedOrigin(String origin) {
        if (trusted.contains(origin)) {
            return true;
        }
        for (String[] wildcard : trustedSubdomains) {
            String prefix = wildcard[0] + "://";
            if (origin.startsWith(prefix)) {
                String host = origin.substring(prefix.length());
                int colon = host.lastIndexOf(':');
                String name = colon < 0 || host.endsWith("]") ? host : host.substring(0, colon);
                if (name.endsWith(wildcard[1]) || name.equals(wildcard[1].substring(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Optional<String> cookieSecret(Request request) {
        return request.cookie(cookie.name()).filter(Csrf::wellFormed).filter(s -> s.length() == SECRET_LENGTH);
    }

    private void sendCookie(Request request, String secret) {
        request.attribute(SECRET, secret);
        ResponseCookies.required(request).set(cookie.name(), cookie.set(secret, cookieAge, clock.instant()));
    }

    static String newSecret() {
        return Secrets.text(SECRET_LENGTH);
    }

    /** Django's {@code _mask_cipher_secret}: a random mask, then each secret character shifted by the mask's. */
    String mask(String secret) {
        String mask = newSecret();
        char[] out = new char[SECRET_LENGTH * 2];
        for (int i = 0; i < SECRET_LENGTH; i++) {
            out[i] = mask.charAt(i);
            out[SECRET_LENGTH + i] = CHARS[(INDEX[secret.charAt(i)] + INDEX[mask.charAt(i)]) % CHARS.length];
        }
        return new String(out);
    }

    private static String unmask(String token) {
        char[] secret = new char[SECRET_LENGTH];
        for (int i = 0; i < SECRET_LENGTH; i++) {
            int shifted = INDEX[token.charAt(SECRET_LENGTH + i)] - INDEX[token.charAt(i)];
            secret[i] = CHARS[Math.floorMod(shifted, CHARS.length)];
        }
        return new String(secret);
    }

    /** Whether a sent token, masked (64) or bare (32), is the cookie's secret; in constant time for a given length. */
    static boolean matches(String sent, String secret) {
        if (!wellFormed(sent) || sent.length() != SECRET_LENGTH && sent.length() != SECRET_LENGTH * 2) {
            return false;
        }
        String candidate = sent.length() == SECRET_LENGTH ? sent : unmask(sent);
        return MessageDigest.isEqual(
                candidate.getBytes(StandardCharsets.US_ASCII), secret.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean wellFormed(String token) {
        if (token.length() > SECRET_LENGTH * 2) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= 128 || INDEX[c] < 0) {
                return false;
            }
        }
        return true;
    }
}
