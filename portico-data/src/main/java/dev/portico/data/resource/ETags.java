package dev.portico.data.resource;

import dev.portico.http.Request;

/**
 * A row's version as a strong entity tag, {@code "3"}, and the {@code If-Match} precondition. Hand-written
 * parsing, no regex: per request this only splits the header on commas.
 */
final class ETags {
    /** An {@code If-Match} no version can match (malformed or weak tags only: weak tags never match If-Match). */
    private static final long[] NONE = {};

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an {@code If-Match} accepts: null when there is no header or it is {@code *} (the write is
     * unconditional), else every listed strong tag that is a version, possibly none.
     */
    static long[] ifMatch(Request request) {
        String header = request.header("If-Match").orElse(null);
        if (header == null) {
            return null;
        }
        long[] versions = NONE;
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.equals("*")) {
                return null;
            }
            if (tag.length() > 2 && tag.length() < 21 && tag.charAt(0) == '"' && tag.charAt(tag.length() - 1) == '"') {
                long v = digits(tag, 1, tag.length() - 1);
                if (v >= 0 && versions.length < 16) {
                    versions = java.util.Arrays.copyOf(versions, versions.length + 1);
                    versions[versions.length - 1] = v;
                }
            }
        }
        return versions;
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
