package dev.portico.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 400 for invalid input, with every problem found keyed by its dotted path:
 * {@code {"detail":"Invalid input.","code":"invalid","errors":{"filter.name_gt":["..."]}}}.
 */
public class ValidationFailed extends ApiException {

    /** With the errors found, by dotted path. */
    public ValidationFailed(Map<String, List<String>> errors) {
        super(400, "invalid", "Invalid input.", errors);
    }

    /** With the errors found, and how many more were found but not kept. */
    public ValidationFailed(Map<String, List<String>> errors, int omitted) {
        super(400, "invalid", "Invalid input.", errors, omitted);
    }

    /** With what a reader kept and counted. */
    public ValidationFailed(BoundedErrors errors) {
        this(errors.kept(), errors.omitted());
    }

    /** With one error on one field. */
    public static ValidationFailed of(String path, String message) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put(path, List.of(message));
        return new ValidationFailed(errors);
    }
}
