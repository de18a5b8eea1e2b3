package dev.portico.data.query;

import dev.portico.error.BadRequest;
import dev.portico.http.Request;
import java.util.Locale;
import java.util.Set;

/**
 * The scheme, host and port that {@code next}/{@code previous} links start with. DRF builds them from the
 * request's {@code Host} header, which a client can set to anything: so either configure the public origin
 * ({@link #of}), or take the Host header only when it is one of the allowed hosts ({@link #fromHost}), as
 * Django's {@code ALLOWED_HOSTS} does.
 *
 * @param origin {@code scheme://host[:port]}, without a trailing slash
 */
public record BaseUrl(String origin) {

    /** Checks the origin: http or https, a host of letters, digits, dots, dashes (or an IPv6 literal), a port. */
    public BaseUrl {
        String rest = origin.startsWith("https://")
                ? origin.substring(8)
                : origin.startsWith("http://") ? origin.substring(7) : null;
        if (rest == null || !validHost(rest)) {
            throw new IllegalArgumentException("base URL \"" + origin + "\" must be scheme://host[:port] "
                    + "(http or https, no path, no trailing slash)");
        }
    }

    /** A configured public origin, such as {@code https://api.example.com}. */
    public static BaseUrl of(String origin) {
        return new BaseUrl(origin);
    }

    /**
     * The origin from the request's {@code Host} header and {@code scheme}, only when the host (without its port)
     * is in {@code allowedHosts}; 400 {@code Invalid Host header.} otherwise, as Django answers.
     */
    public static BaseUrl fromHost(Request request, String scheme, Set<String> allowedHosts) {
        String host = request.header("Host").orElse("").toLowerCase(Locale.ROOT);
        int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        String name = colon > 0 ? host.substring(0, colon) : host;
        if (!validHost(host) || !allowedHosts.contains(name)) {
            throw new BadRequest("Invalid Host header.");
        }
        return new BaseUrl(scheme + "://" + host);
    }

    /** The host names of a comma-separated list ({@code server.allowed-hosts}), trimmed and lower-cased. */
    public static Set<String> hosts(String commaSeparated) {
        Set<String> hosts = new java.util.LinkedHashSet<>();
        for (String host : commaSeparated.split(",")) {
            if (!host.isBlank()) {
                hosts.add(host.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(hosts);
    }

    private static boolean validHost(String host) {
        if (host.isEmpty() || host.length() > 255) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == ':'
                    || c == '['
                    || c == ']';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
