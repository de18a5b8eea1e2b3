package dev.portico.test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * One request as it leaves the client, after the client's defaults, cookies and CSRF token are added: what both
 * senders, in-process and over the wire, turn into the same bytes of HTTP.
 *
 * @param headers name, value pairs in order; a name may repeat
 * @param body    the body, or null for none (a GET)
 * @param remote  the peer address an in-process request comes from, or null for loopback
 */
record Outgoing(
        String method, String rawPath, String rawQuery, List<String[]> headers, byte[] body, InetAddress remote) {

    Optional<String> header(String name) {
        return headers.stream()
                .filter(h -> h[0].equalsIgnoreCase(name))
                .map(h -> h[1])
                .findFirst();
    }

    List<String> headers(String name) {
        return headers.stream()
                .filter(h -> h[0].equalsIgnoreCase(name))
                .map(h -> h[1])
                .toList();
    }

    String target() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }
}
