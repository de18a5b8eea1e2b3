package dev.portico.input;

import dev.portico.error.BoundedErrors;
import dev.portico.error.ValidationFailed;
import java.util.List;
import java.util.Map;

/**
 * The 400 of a record body that did not all read (a required field missing, a value of the wrong type), which
 * also carries the fields that did: the validation stage checks their constraints and reports them in the same
 * answer, as DRF reports every field's problems at once. Made only on the error path; a body that reads is never
 * wrapped.
 */
public final class PartlyRead extends ValidationFailed {
    private final transient Partial partial;

    /** The errors found while reading, and what read. */
    public PartlyRead(Map<String, List<String>> errors, Partial partial) {
        super(errors);
        this.partial = partial;
    }

    /** The errors a reader kept and counted, and what read. */
    public PartlyRead(BoundedErrors errors, Partial partial) {
        super(errors);
        this.partial = partial;
    }

    /** The components of the body record that read. */
    public Partial partial() {
        return partial;
    }

    /**
     * The components of one record that read, by Java component name (the name Bean Validation knows); a nested
     * record that itself partly read is a {@code Partial} of its own. Components that failed, or were not sent,
     * are left out.
     */
    public record Partial(Class<?> type, Map<String, Object> components) {}

    /**
     * A list of records that did not all read: the items that did (or partly did, as a {@link Partial}) by their
     * index; those that failed are left out.
     */
    public record PartialItems(Map<Integer, Object> items) {}
}
