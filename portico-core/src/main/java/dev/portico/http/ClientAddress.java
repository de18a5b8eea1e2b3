package dev.portico.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client's IP address, as throttling and caching key on it: the socket's peer, or, behind
 * {@code server.trusted-proxies} proxies, the address the outermost of them saw.
 *
 * <p>Each proxy appends the address it received the request from to the forwarding header, so only the
 * rightmost entries are written by proxies we trust; whatever a client sends itself is to their left. The client
 * is therefore the entry just left of the trusted ones, counted from the right, with the socket's peer as the
 * nearest proxy: with one proxy it is the last entry, with two the one before it. Entries further left are never
 * read, so a client cannot choose its own bucket or put someone else's address in theirs. Only the one header
 * named by {@code server.forwarded-header} is read: a proxy that writes {@code X-Forwarded-For} passes on a
 * {@code Forwarded} header the client made up, so reading both would trust the client.
 *
 * <p>With zero trusted proxies (the default), headers are ignored. An entry that is not an IP literal (an obfuscated
 * {@code Forwarded} identifier, {@code unknown}) gives the peer's address; no name is ever looked up.
 */
public final class ClientAddress {

    /** Which forwarding header the trusted proxies write. */
    public enum Header {
        /** {@code X-Forwarded-For: client, proxy1}, what nginx, HAProxy and most load balancers write. */
        X_FORWARDED_FOR,
        /** RFC 7239's {@code Forwarded: for=client;proto=https, for=proxy1}. */
        FORWARDED
    }

    private final int trustedProxies;
    private final Header header;

    private ClientAddress(int trustedProxies, Header header) {
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("server.trusted-proxies must be 0 or more (was " + trustedProxies + ")");
        }
        this.trustedProxies = trustedProxies;
        this.header = header;
    }

    /** Behind {@code trustedProxies} proxies that write {@code header}. */
    public static ClientAddress create(int trustedProxies, Header header) {
        return new ClientAddress(trustedProxies, header);
    }

    /** The client's address in canonical text ({@code 203.0.113.7}, {@code 2001:db8::1}). */
    public String of(Request request) {
        String peer = request.peerAddress();
        if (trustedProxies == 0) {
            return peer;
        }
        List<String> hops = hops(request);
        if (hops.isEmpty()) {
            return peer;
        }
        // hops and then the peer: the last trustedProxies of them are our proxies, the one before is the client
        int client = hops.size() - trustedProxies;
        String entry = hops.get(Math.max(0, client));
        String literal = literal(entry);
        return literal == null ? peer : literal;
    }

    private List<String> hops(Request request) {
        String name = header == Header.FORWARDED ? "Forwarded" : "X-Forwarded-For";
        List<String> hops = new ArrayList<>();
        for (String line : request.headers(name)) { // several lines are one list, in order
            for (String element : line.split(",")) {
                hops.add(header == Header.FORWARDED ? forParameter(element) : element.trim());
            }
        }
        return hops;
    }

    private static String forParameter(String element) {
        for (String pair : element.split(";")) {
            String p = pair.trim();
            if (p.length() > 4 && p.substring(0, 4).equalsIgnoreCase("for=")) {
                return p.substring(4).replace("\"", "").trim();
            }
        }
        return "unknown";
    }

    /** The canonical form of an IP literal with an optional port, or null when it is not one. */
    static String literal(String entry) {
        String host = entry.trim();
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close < 0 ? "" : host.substring(1, close);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            host = host.substring(0, host.indexOf(':')); // 203.0.113.7:4711
        }
        if (host.isEmpty() || host.length() > 45 || !(host.indexOf(':') >= 0 ? ipv6Chars(host) : ipv4(host))) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getHostAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean ipv6Chars(String host) {
        return host.toLowerCase(Locale.ROOT).chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
    }
}
