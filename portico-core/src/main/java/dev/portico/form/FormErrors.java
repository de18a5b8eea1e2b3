package dev.portico.form;

import dev.portico.error.ValidationFailed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The problems found while decoding one form, by dotted path, so they are all reported in one 400. */
final class FormErrors {
    private Map<String, List<String>> errors;
    private int count;

    /** Records {@code message} under {@code path}; the root's path is {@code non_field_errors}. */
    void add(String path, String message) {
        if (errors == null) {
            errors = new LinkedHashMap<>();
        }
        errors.computeIfAbsent(path.isEmpty() ? "non_field_errors" : path, k -> new ArrayList<>(1)).add(message);
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

    /** Throws the 400 naming every problem, if there was one. */
    void throwIfAny() {
        if (errors != null) {
            throw new ValidationFailed(errors);
        }
    }
}
