package dev.portico.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error an endpoint or the framework raises to answer with a 4xx or 5xx in the error format:
 * {@code {"detail": "<a sentence>", "code": "<stable_snake_case>", "errors": {...}}}.
 *
 * <p>Throw one of the subclasses ({@link NotFound}, {@link PermissionDenied}, {@link ValidationFailed}, ...)
 * or this class with your own status and code. These are answers, not bugs: they carry no stack trace,
 * which also keeps throwing them cheap.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, List<String>> errors;
    private final Map<String, String> headers;
    private final int omitted;

    /** An error with a status, a stable snake_case code and a one-sentence detail. */
    public ApiException(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    /** An error with field errors keyed by dotted path ({@code filter.name_gt}, {@code usernames.1}). */
    public ApiException(int status, String code, String detail, Map<String, List<String>> errors) {
        this(status, code, detail, errors, 0);
    }

    /**
     * The same, when a reader found {@code omitted} more problems than it kept ({@link BoundedErrors}): the answer
     * counts them in its last entry.
     */
    public ApiException(int status, String code, String detail, Map<String, List<String>> errors, int omitted) {
        super(detail, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an ApiException needs a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = code;
        this.errors = copy(errors);
        this.headers = new LinkedHashMap<>(2);
        this.omitted = omitted;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> errors) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((path, messages) -> copy.put(path, List.copyOf(messages)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The stable machine-readable code, such as {@code not_found}. */
    public String code() {
        return code;
    }

    /** The human-readable sentence. */
    public String detail() {
        return getMessage();
    }

    /** Field errors by dotted path; empty unless the input was invalid. */
    public Map<String, List<String>> errors() {
        return errors;
    }

    /** Problems found but left out of {@link #errors()}, so the answer stays smaller than the request. */
    public int omitted() {
        return omitted;
    }

    /** Headers to send with the error, such as {@code Allow} or {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Adds a header to send with the error. */
    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
