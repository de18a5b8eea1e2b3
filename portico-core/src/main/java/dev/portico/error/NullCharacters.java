package dev.portico.error;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DRF's rule for every string input, kept in one place: text holding a NUL character ({@code U+0000}) is refused
 * with 400 {@code null_characters_not_allowed}, "Null characters are not allowed.", under the field that sent it.
 * PostgreSQL cannot store NUL in text (an error, so a 500) and other stores keep it silently; so each decoder of
 * the wire (the path, query strings and forms, multipart parts, headers and cookies, JSON strings and keys) asks
 * this class before anything reads the value.
 */
public final class NullCharacters {
    /** The code of the answer, Django's {@code ProhibitNullCharactersValidator} code. */
    public static final String CODE = "null_characters_not_allowed";
    /** Django's sentence, under each field. */
    public static final String MESSAGE = "Null characters are not allowed.";

    private NullCharacters() {}

    /** Whether {@code text} holds a NUL character. */
    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** Throws the 400 naming {@code field} when {@code text} holds a NUL character. */
    public static void check(String field, String text) {
        if (in(text)) {
            throw refused(List.of(field));
        }
    }

    /**
     * The 400 naming each of {@code fields}. A field's own name holding NUL is named {@code non_field_errors}, so
     * the character is never echoed back.
     */
    public static ApiException refused(Collection<String> fields) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String field : fields) {
            errors.put(in(field) || field.isEmpty() ? "non_field_errors" : field, List.of(MESSAGE));
        }
        return new ApiException(400, CODE, MESSAGE, errors);
    }
}
