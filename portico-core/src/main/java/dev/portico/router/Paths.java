package dev.portico.router;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** Splitting a raw request path into decoded segments, so that {@code %2F} stays inside its segment. */
final class Paths {

    private Paths() {
    }

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
        if (s.indexOf('%', from) < 0 || s.indexOf('%', from) >= to) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null; // a raw path is ASCII; anything else must be percent-encoded
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
