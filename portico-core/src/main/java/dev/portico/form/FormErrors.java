package dev.portico.form;

import dev.portico.error.ValidationFailed;
import dev.portico.input.PartlyRead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The problems found while decoding one form, by dotted path, so they are all reported in one 400. */
final class FormErrors {
    private Map<String, List<String>> errors;
    private Map<String, Object> partials; // records and lists of records that partly decoded, by path; "" for the form
    private int count;
    private final FormParser limits;
    private final int[] jsonFields = {0};

    /** Errors of a form in which JSON text is not read as fields. */
    FormErrors() {
        this(null);
    }

    /** Errors of a form in which a list, map or record may come as JSON text ({@link JsonText}), within {@code limits}. */
    FormErrors(FormParser limits) {
        this.limits = limits;
    }

    /** The limits JSON text is read within; null when it is not read. */
    FormParser limits() {
        return limits;
    }

    /** The running count of the fields made from JSON text, for the field-count limit. */
    int[] jsonFieldCount() {
        return jsonFields;
    }

    /** Records {@code message} under {@code path}; the root's path is {@code non_field_errors}. */
    void add(String path, String message) {
        if (errors == null) {
            errors = new LinkedHashMap<>();
        }
        errors.computeIfAbsent(path.isEmpty() ? "non_field_errors" : path, k -> new ArrayList<>(1))
                .add(message);
        count++;
    }

    /** How many problems were found so far; a node compares it before and after its children. */
    int count() {
        return count;
    }

    /** The problems by dotted path, or null when there were none. */
    Map<String, List<String>> errors() {
        return errors;
    }

    /**
     * Keeps what decoded of the record ({@link PartlyRead.Partial}) or list of records
     * ({@link PartlyRead.PartialItems}) at {@code path}, which did not all decode.
     */
    void partial(String path, Object partial) {
        if (partials == null) {
            partials = new HashMap<>();
        }
        partials.put(path, partial);
    }

    /** What decoded of the record or list of records at {@code path}, if it partly did; null otherwise. */
    Object partial(String path) {
        return partials == null ? null : partials.get(path);
    }

    /** Whether a problem was found at {@code path} or below it. */
    boolean failedAt(String path) {
        if (errors == null) {
            return false;
        }
        String below = path + ".";
        for (String key : errors.keySet()) {
            if (key.equals(path) || key.startsWith(below)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Throws the 400 naming every problem, if there was one; a {@link PartlyRead} when the form was a record that
     * partly decoded, so the validation stage also checks the fields that did.
     */
    void throwIfAny() {
        if (errors != null) {
            throw partial("") instanceof PartlyRead.Partial form
                    ? new PartlyRead(errors, form)
                    : new ValidationFailed(errors);
        }
    }
}
