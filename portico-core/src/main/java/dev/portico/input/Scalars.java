package dev.portico.input;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Conversions from one text value (a query parameter, a header, a form field) to a single-value Java type.
 * Each converter is chosen once per input at startup; converting is then one call with no lookup.
 */
public final class Scalars {

    private Scalars() {}

    /** Converts one text value; throws {@link IllegalArgumentException} with a client-facing sentence. */
    @FunctionalInterface
    public interface Converter {
        /** The converted value. */
        Object convert(String text);
    }

    /** Whether {@code type} is a single value, or an {@code Optional} or {@code List} of one. */
    public static boolean isScalar(Type type) {
        Type inner = unwrap(type);
        return inner instanceof Class<?> c && converterOrNull(c) != null;
    }

    /** The element type of {@code Optional<T>} or {@code List<T>}, or the type itself. */
    public static Type unwrap(Type type) {
        if (type instanceof ParameterizedType p && (p.getRawType() == Optional.class || p.getRawType() == List.class)) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    /** Whether the type is {@code Optional<...>}. */
    public static boolean isOptional(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Optional.class;
    }

    /** Whether the type is {@code List<...>}. */
    public static boolean isList(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == List.class;
    }

    /** Whether {@code type} is a single-value class that has a converter (no {@code Optional} or {@code List}). */
    public static boolean isSingleValue(Class<?> type) {
        return converterOrNull(type) != null;
    }

    /** The converter for a single-value class; fails at startup for a type that has none. */
    public static Converter converter(Class<?> type) {
        Converter c = converterOrNull(type);
        if (c == null) {
            throw new IllegalArgumentException(type.getName() + " is not a single-value type (string, number, boolean, "
                    + "UUID, enum, java.time); bind it from the body instead");
        }
        return c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Converter converterOrNull(Class<?> type) {
        if (type == String.class) {
            return text -> text;
        }
        if (type == byte[].class) {
            return Scalars::base64;
        }
        if (type == int.class || type == Integer.class) {
            return number(Integer::valueOf, "A valid integer is required.");
        }
        if (type == long.class || type == Long.class) {
            return number(Long::valueOf, "A valid integer is required.");
        }
        if (type == short.class || type == Short.class) {
            return number(Short::valueOf, "A valid integer is required.");
        }
        if (type == double.class || type == Double.class) {
            return number(Scalars::finiteDouble, "A valid number is required.");
        }
        if (type == float.class || type == Float.class) {
            return number(s -> (float) finiteDouble(s), "A valid number is required.");
        }
        if (type == BigDecimal.class) {
            return number(Scalars::boundedDecimal, "A valid number is required.");
        }
        if (type == BigInteger.class) {
            return number(BigInteger::new, "A valid integer is required.");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Scalars::bool;
        }
        if (type == UUID.class) {
            return text -> {
                if (text.length() != 36) {
                    throw new IllegalArgumentException("Must be a valid UUID.");
                }
                return parse(UUID::fromString, text, "Must be a valid UUID.");
            };
        }
        if (type.isEnum()) {
            java.util.Map<String, Object> byName = new java.util.HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum) constant).name(), constant);
            }
            return text -> {
                Object constant = byName.get(text);
                if (constant == null) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a valid choice.");
                }
                return constant;
            };
        }
        return time(type);
    }

    private static Converter time(Class<?> type) {
        String message = "Must be an ISO-8601 value.";
        if (type == Instant.class) {
            return text -> isEpochSeconds(text) ? epoch(text) : parseTime(Instant::parse, text, message);
        }
        if (type == LocalDate.class) {
            return text -> parseTime(LocalDate::parse, text, message);
        }
        if (type == LocalDateTime.class) {
            return text -> parseTime(LocalDateTime::parse, text, message);
        }
        if (type == LocalTime.class) {
            return text -> parseTime(LocalTime::parse, text, message);
        }
        if (type == OffsetDateTime.class) {
            return text -> isEpochSeconds(text)
                    ? epoch(text).atOffset(ZoneOffset.UTC)
                    : parseTime(OffsetDateTime::parse, text, message);
        }
        if (type == ZonedDateTime.class) {
            return text -> parseTime(ZonedDateTime::parse, text, message);
        }
        if (type == Duration.class) {
            return text -> parseTime(Duration::parse, text, message);
        }
        return null;
    }

    /** Seed 002 sends datetimes as seconds since 1970, as a number: {@code 1700000000} or {@code 1700000000.25}. */
    private static boolean isEpochSeconds(String text) {
        int length = text.length();
        if (length == 0 || length > 30) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    private static Instant epoch(String text) {
        BigDecimal seconds = new BigDecimal(text);
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).intValue();
        try {
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("Must be an ISO-8601 value.");
        }
    }

    private static Object parseTime(Function<String, Object> parser, String text, String message) {
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Converter number(Function<String, Object> parser, String message) {
        return text -> {
            if (text.length() > 100) {
                throw new IllegalArgumentException(message);
            }
            return parse(parser, text.trim(), message);
        };
    }

    private static Object parse(Function<String, Object> parser, String text, String message) {
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(message);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(message);
        }
    }

    private static double finiteDouble(String text) {
        if (!decimal(text)) { // Java also reads 1d, 2f, 0x1p3 and NaN, which no client means as a number
            throw new NumberFormatException(text);
        }
        double d = Double.parseDouble(text);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NumberFormatException(text);
        }
        return d;
    }

    /** Whether {@code text} is a plain decimal number: {@code -12}, {@code 3.5}, {@code .5}, {@code 1e-3}. */
    static boolean decimal(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        for (; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            for (i++; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            for (; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * Seed 002's {@code bytes}: a form field carries text, so bytes travel as base64 (RFC 4648, the standard or the
     * URL-safe alphabet, padding optional), as JSON and OpenAPI's {@code contentEncoding: base64} spell them.
     */
    private static Object base64(String text) {
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? java.util.Base64.getUrlDecoder().decode(text)
                    : java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Must be valid base64.");
        }
    }

    /** The boolean spellings of seed 002, exactly: {@code 1 True true Yes yes On on} and {@code 0 False false No no Off off}. */
    private static Object bool(String text) {
        return switch (text) {
            case "1", "True", "true", "Yes", "yes", "On", "on" -> Boolean.TRUE;
            case "0", "False", "false", "No", "no", "Off", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("Must be a valid boolean.");
        };
    }

    /** A decimal whose exponent is within a thousand either way: {@code 1e2147483647} overflows what checks it next. */
    private static BigDecimal boundedDecimal(String text) {
        BigDecimal value = new BigDecimal(text);
        if (Math.abs((long) value.scale()) > 1000) {
            throw new NumberFormatException("exponent out of range");
        }
        return value;
    }
}
