package dev.portico.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.portico.error.ApiException;
import dev.portico.error.ParseError;
import dev.portico.error.ValidationFailed;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.UUID;

/**
 * Turns Jackson's read failures into 400 answers that name the field, so a client learns which value was
 * wrong without ever seeing a stack trace or a Java class name.
 */
public final class JsonErrors {

    private JsonErrors() {}

    /** The answer for a body that failed to read as JSON of the expected type. */
    public static ApiException translate(JsonProcessingException e) {
        if (constraint(e)) {
            return new ApiException(
                    400, "json_limit_exceeded", "JSON body exceeds a parser limit: " + constraintMessage(e) + ".");
            // the limit's own message names the limit and its value, never the input
        }
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return ValidationFailed.of(
                        "non_field_errors", "Expected " + describe(mismatched.getTargetType()) + ".");
            }
            return new ParseError("JSON parse error: " + firstLine(e.getOriginalMessage()) + ".");
        }
        String path = path(mapping);
        return ValidationFailed.of(path, message(mapping));
    }

    /** Whether a parser limit was hit; databind may wrap the parser's exception with a field path. */
    static boolean constraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    /** The sentence for one field's failure, without its path. */
    static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "Unknown field.";
        }
        if (e instanceof FieldAccess.ReadOnlyField) {
            return "This field is read-only.";
        }
        if (e instanceof InvalidNullException) {
            return "This field may not be null.";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            if (f.getTargetType().isEnum()) {
                return "\"" + f.getValue() + "\" is not a valid choice.";
            }
            return "Expected " + describe(f.getTargetType()) + ".";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String msg = m.getOriginalMessage();
            if (msg != null && msg.startsWith("Missing required creator property")) {
                return "This field is required.";
            }
            return "Expected " + describe(m.getTargetType()) + ".";
        }
        if (e instanceof ValueInstantiationException v
                && v.getCause() != null
                && v.getCause().getMessage() != null) {
            return firstLine(v.getCause().getMessage());
        }
        return "Invalid value.";
    }

    /** The dotted path of the failing value: record fields by name, list items by index ({@code items.2.name}). */
    static String path(JsonMappingException e) {
        return path(e, "");
    }

    /** The same below {@code prefix}, the path of the value read: {@code tags} and {@code [1]} give {@code tags.1}. */
    static String path(JsonMappingException e, String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            if (ref.getFieldName() != null) {
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append(ref.getIndex());
            }
        }
        return sb.isEmpty() ? "non_field_errors" : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class
                || type == Double.class
                || type == float.class
                || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type.isEnum()) {
            return "one of the choices";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String constraintMessage(JsonProcessingException e) {
        String msg = firstLine(e.getOriginalMessage());
        int paren = msg.indexOf(" (");
        return paren > 0 ? msg.substring(0, paren) : msg;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
