package dev.portico.form;

import dev.portico.config.Limits;
import dev.portico.error.ApiException;
import dev.portico.error.NullCharacters;
import dev.portico.error.ParseError;
import dev.portico.http.FormData;
import dev.portico.http.PercentDecoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Reads {@code application/x-www-form-urlencoded} text (a body or a query string) into {@link FormData},
 * enforcing the form limits as it goes: the field count, the depth of dotted names and the largest list
 * index are checked on each name before its value is decoded, so a hostile form is refused early.
 */
public final class FormParser {
    private final Limits limits;

    /** A parser with these limits. */
    public FormParser(Limits limits) {
        this.limits = limits;
    }

    /** Parses {@code text} ({@code a=1&b.c=2}); a malformed escape is a 400. */
    public FormData parse(String text) {
        LinkedHashMap<String, ArrayList<String>> fields = new LinkedHashMap<>();
        int count = 0;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int amp = text.indexOf('&', start);
            int end = amp < 0 ? length : amp;
            if (end > start) {
                checkCount(++count);
                int eq = text.indexOf('=', start);
                boolean hasValue = eq >= 0 && eq < end;
                String name = decode(text, start, hasValue ? eq : end);
                checkName(name);
                String value = hasValue ? decode(text, eq + 1, end) : "";
                NullCharacters.check(name, name + value);
                fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return FormData.build(fields);
    }

    /** Checks that a form's {@code count}th field is within the field-count limit. */
    public void checkCount(int count) {
        if (count > limits.formFields()) {
            throw new ApiException(
                    400, "too_many_fields", "The form has more than " + limits.formFields() + " fields.");
        }
    }

    /** Checks a dotted field name against the depth and list-index limits. */
    public void checkName(String name) {
        int depth = 1;
        int segmentStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                checkIndex(name, segmentStart, i);
                if (i < name.length() && ++depth > limits.formDepth()) {
                    throw new ApiException(
                            400,
                            "field_name_too_deep",
                            "Field name \"" + abbreviate(name) + "\" is nested deeper than " + limits.formDepth()
                                    + " levels.");
                }
                segmentStart = i + 1;
            }
        }
    }

    private void checkIndex(String name, int from, int to) {
        if (to == from || to - from > 12) {
            if (to - from > 12 && allDigits(name, from, to)) {
                throw indexTooLarge(name);
            }
            return;
        }
        if (!allDigits(name, from, to)) {
            return;
        }
        long index = Long.parseLong(name, from, to, 10);
        if (index > limits.formListIndex()) {
            throw indexTooLarge(name);
        }
    }

    private ApiException indexTooLarge(String name) {
        return new ApiException(
                400,
                "list_index_too_large",
                "Field name \"" + abbreviate(name) + "\" has a list index above " + limits.formListIndex() + ".");
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String name) {
        return name.length() <= 60 ? name : name.substring(0, 57) + "...";
    }

    private static String decode(String s, int from, int to) {
        String decoded = PercentDecoding.decode(s, from, to, true);
        if (decoded == null) {
            throw new ParseError("Malformed form data: a bad percent-escape or text that is not UTF-8.");
        }
        return decoded;
    }
}
