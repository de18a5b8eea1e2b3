package dev.portico.http;

import java.util.Optional;

/** Reads a {@code Cookie} request header (RFC 6265: {@code name=value; name2=value2}) without allocating a map. */
final class Cookies {

    private Cookies() {}

    /** The value of {@code name} in one {@code Cookie} header, with surrounding double quotes removed. */
    static Optional<String> find(String header, String name) {
        int start = 0;
        int length = header.length();
        while (start < length) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            int eq = header.indexOf('=', start);
            if (eq > start && eq < end && header.substring(start, eq).strip().equals(name)) {
                String value = header.substring(eq + 1, end).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value);
            }
            start = end + 1;
        }
        return Optional.empty();
    }
}
