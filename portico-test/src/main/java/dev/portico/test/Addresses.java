package dev.portico.test;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/** Checks on what a test gives the client, made where it is given, so both senders refuse the same things. */
final class Addresses {

    private Addresses() {}

    /** {@code ip} as an address, never looked up: an IPv4 or IPv6 literal only. */
    static InetAddress literal(String ip) {
        boolean literal = ip != null
                && !ip.isEmpty()
                && ip.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
                && (ip.indexOf(':') >= 0 || ip.chars().allMatch(c -> Character.isDigit(c) || c == '.'));
        if (literal) {
            try {
                return InetAddress.getByName(ip); // a literal is parsed, not resolved
            } catch (UnknownHostException e) {
                // falls through to the refusal
            }
        }
        throw new IllegalArgumentException(
                "remoteAddress takes an IPv4 or IPv6 literal such as 203.0.113.7, not " + ip);
    }

    /**
     * {@code target} (a path, maybe with a query) is what a client may put on a request line: a space or a character
     * outside URI syntax must be percent-encoded by the test, in-process as over the wire.
     */
    static void requireTarget(String target) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("the path starts with /: " + target);
        }
        try {
            new URI("http://localhost" + target);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "the path is not a valid request target (" + e.getReason() + " at index "
                            + (e.getIndex() - "http://localhost".length()) + "): " + target
                            + "; percent-encode it, or give the query with .query(name, value)",
                    e);
        }
    }
}
