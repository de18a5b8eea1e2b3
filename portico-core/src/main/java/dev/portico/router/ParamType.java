package dev.portico.router;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The types a path parameter can have, as Django's path converters: {@code {id:int}}, {@code {id:long}},
 * {@code {key:uuid}}, {@code {slug:slug}} and {@code {name}} or {@code {name:string}} for any one segment.
 *
 * <p>Matching is by hand-written character checks: no regular expression runs per request.
 */
public enum ParamType {
    /** A non-negative decimal integer that fits an {@code int}. */
    INT("integer", "int32"),
    /** A non-negative decimal integer that fits a {@code long}. */
    LONG("integer", "int64"),
    /** A UUID in its canonical 36-character form. */
    UUID("string", "uuid"),
    /** ASCII letters, digits, hyphens and underscores. */
    SLUG("string", null),
    /** Any non-empty segment. */
    STRING("string", null);

    private final String schemaType;
    private final String schemaFormat;

    ParamType(String schemaType, String schemaFormat) {
        this.schemaType = schemaType;
        this.schemaFormat = schemaFormat;
    }

    /** The JSON Schema type of the parameter, for OpenAPI. */
    public String schemaType() {
        return schemaType;
    }

    /** The JSON Schema format of the parameter, for OpenAPI. */
    public Optional<String> schemaFormat() {
        return Optional.ofNullable(schemaFormat);
    }

    /** The type named in a template, such as {@code int} in {@code {id:int}}. */
    public static ParamType named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown path parameter type '" + name + "': use one of int, long, uuid, slug, string");
        }
    }

    /** The type that matches a Java parameter of this class, for controller methods. */
    public static Optional<ParamType> forJavaType(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Optional.of(INT);
        }
        if (type == long.class || type == Long.class) {
            return Optional.of(LONG);
        }
        if (type == java.util.UUID.class) {
            return Optional.of(UUID);
        }
        if (type == String.class) {
            return Optional.of(STRING);
        }
        return Optional.empty();
    }

    /** The Java class values of this type convert to. */
    public Class<?> javaType() {
        return switch (this) {
            case INT -> Integer.class;
            case LONG -> Long.class;
            case UUID -> java.util.UUID.class;
            case SLUG, STRING -> String.class;
        };
    }

    /** The segment converted to this type, or {@code null} when it does not match. */
    public Object convert(String segment) {
        return switch (this) {
            case INT -> digits(segment, 10) ? parseOrNull(segment, Integer.MAX_VALUE) : null;
            case LONG -> digits(segment, 19) ? parseOrNull(segment, Long.MAX_VALUE) : null;
            case UUID -> uuid(segment);
            case SLUG -> slug(segment) ? segment : null;
            case STRING -> segment.isEmpty() ? null : segment;
        };
    }

    /** Whether some segment is accepted by both types, which makes two routes ambiguous. */
    public boolean overlaps(ParamType other) {
        if (this == other || this == STRING || other == STRING) {
            return true;
        }
        if (this == SLUG || other == SLUG) {
            return true; // digits and UUIDs are slugs too
        }
        return (this == INT && other == LONG) || (this == LONG && other == INT);
    }

    private static boolean digits(String s, int maxLength) {
        int n = s.length();
        if (n == 0 || n > maxLength) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private Object parseOrNull(String s, long max) {
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = s.charAt(i) - '0';
            if (value > (max - digit) / 10) {
                return null;
            }
            value = value * 10 + digit;
        }
        if (this == INT) {
            return Integer.valueOf((int) value); // not a ternary: it would promote both arms to Long
        }
        return Long.valueOf(value);
    }

    private static boolean slug(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static java.util.UUID uuid(String s) {
        if (s.length() != 36
                || s.charAt(8) != '-'
                || s.charAt(13) != '-'
                || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != '-') {
                return null;
            }
        }
        return java.util.UUID.fromString(s);
    }
}
