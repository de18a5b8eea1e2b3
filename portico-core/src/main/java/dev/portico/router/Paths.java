package dev.portico.router;

import dev.portico.http.PercentDecoding;

/** Splitting a raw request path into decoded segments, so that {@code %2F} stays inside its segment. */
final class Paths {

    private Paths() {}

    /**
     * The decoded segments of {@code rawPath} ({@code /a/b/} and {@code /a/b} both give {@code [a, b]}), or
     * null when the path is malformed: not absolute, an empty segment, or bad percent-encoding.
     */
    static String[] split(String rawPath) {
        int length = rawPath.length();
        if (length == 0 || rawPath.charAt(0) != '/') {
            return null;
        }
        int end = rawPath.charAt(length - 1) == '/' ? length - 1 : length;
        if (end <= 1) {
            return end == 0 ? new String[0] : null;
        }
        int count = 1;
        for (int i = 1; i < end; i++) {
            if (rawPath.charAt(i) == '/') {
                count++;
            }
        }
        String[] segments = new String[count];
        int start = 1;
        for (int k = 0; k < count; k++) {
            int slash = rawPath.indexOf('/', start);
            int stop = (slash < 0 || slash > end) ? end : slash;
            if (stop == start) {
                return null;
            }
            String segment = decode(rawPath, start, stop);
            if (segment == null) {
                return null;
            }
            segments[k] = segment;
            start = stop + 1;
        }
        return segments;
    }

    private static String decode(String s, int from, int to) {
        return PercentDecoding.decode(s, from, to, false);
    }
}
