package dev.portico.data.resource;

import dev.portico.http.Request;

/**
 * A row's version as a strong entity tag, {@code "3"}, and the {@code If-Match} precondition. Hand-written
 * parsing, no regex: per request this only splits the header on commas.
 */
final class ETags {
    /** No {@code If-Match}: the write is unconditional. */
    static final long ANY = -1;
    /** An {@code If-Match} that no version matches (malformed, weak, or not a number). */
    static final long NONE = -2;

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} asks for: {@link #ANY} without one or with {@code *}, the first listed
     * version that is a number, or {@link #NONE} when nothing listed can match (weak tags never match If-Match).
     */
    static long ifMatch(Request request) {
        String header = request.header("If-Match").orElse(null);
        if (header == null) {
            return ANY;
        }
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.equals("*")) {
                return ANY;
            }
            if (tag.length() > 2 && tag.length() < 21 && tag.charAt(0) == '"' && tag.charAt(tag.length() - 1) == '"') {
                long v = digits(tag, 1, tag.length() - 1);
                if (v >= 0) {
                    return v;
                }
            }
        }
        return NONE;
    }

    private static long digits(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
