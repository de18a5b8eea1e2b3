package dev.portico.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors found in one request, by dotted path, as a {@link Validatable} record sees them: the paths it
 * gives are relative to the record, so a nested record says {@code add("end", ...)} and the client reads
 * {@code booking.end}.
 */
public final class Errors {
    /** Where errors that belong to no single field are reported, as in DRF. */
    public static final String NON_FIELD_ERRORS = "non_field_errors";

    private final Sink sink;
    private final String prefix;

    Errors(Sink sink, String prefix) {
        this.sink = sink;
        this.prefix = prefix;
    }

    /** Adds {@code message} under {@code field} (a dotted path relative to the record, such as {@code items.0.sku}). */
    public Errors add(String field, String message) {
        sink.add(Paths.join(prefix, field), message);
        return this;
    }

    /** Adds {@code message} about the record as a whole, under {@code non_field_errors}. */
    public Errors add(String message) {
        return add(NON_FIELD_ERRORS, message);
    }

    /** The errors of one request, in the order found; created only when a request fails. */
    static final class Sink {
        private Map<String, List<String>> errors;
        private int count;

        void add(String path, String message) {
            if (errors == null) {
                errors = new LinkedHashMap<>();
            }
            List<String> messages = errors.computeIfAbsent(path, k -> new ArrayList<>(2));
            if (!messages.contains(message)) { // an explicit @Valid makes Hibernate Validator report it a second time
                messages.add(message);
                count++;
            }
        }

        int count() {
            return count;
        }

        Map<String, List<String>> errors() {
            return errors == null ? Map.of() : errors;
        }
    }
}
