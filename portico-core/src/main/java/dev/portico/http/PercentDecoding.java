package dev.portico.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of URL text as UTF-8: path segments ({@code +} kept) and form fields ({@code +} is a
 * space). The one decoder the router, the form parser and the request share; strict, so malformed input
 * is refused rather than guessed at.
 */
public final class PercentDecoding {

    private PercentDecoding() {}

    /**
     * The decoded text of {@code s[from, to)}, or null when it is malformed: a bad escape, bytes that are not
     * UTF-8, or (in a path) raw non-ASCII characters. Returns the substring itself when there is nothing to decode.
     */
    public static String decode(String s, int from, int to, boolean plusIsSpace) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            char c = s.charAt(i);
            plain = c != '%' && !(plusIsSpace && c == '+') && (c < 0x80 || plusIsSpace);
        }
        if (plain) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < to ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < to ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else if (plusIsSpace) {
                // a form body is already text: raw characters (curl -d 'name=é') are taken as they are
                int cp = s.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(cp) - 1;
            } else {
                return null; // a raw path is ASCII; anything else must be percent-encoded
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
