package dev.portico.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an error in Portico's error format ({@code {"detail", "code", "errors"}}, or RFC 9457's
 * problem document, which carries the same members): the HTTP status and those three, so a caller can show
 * {@code errors().get("firstname")} next to its field.
 */
public final class ApiErrorException extends ApiClientException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String detail;
    private final String code;
    private final Map<String, List<String>> errors;

    ApiErrorException(String url, int status, String detail, String code, Map<String, List<String>> errors) {
        this(url, status, detail, code, errors, "");
    }

    private ApiErrorException(
            String url, int status, String detail, String code, Map<String, List<String>> errors, String hint) {
        super(url, message(url, status, detail, code, errors) + hint, null);
        this.status = status;
        this.detail = detail;
        this.code = code;
        this.errors = Map.copyOf(errors);
    }

    /** The same error, its message followed by what the caller can do about it; {@code detail()} stays the server's. */
    ApiErrorException withHint(String hint) {
        return new ApiErrorException(url(), status, detail, code, errors, "; " + hint);
    }

    private static String message(
            String url, int status, String detail, String code, Map<String, List<String>> errors) {
        return url + ": " + status + (code == null ? "" : " " + code) + ": " + detail
                + (errors.isEmpty() ? "" : " " + errors);
    }

    /** The HTTP status (400, 401, 404, ...). */
    public int status() {
        return status;
    }

    /** The error's human-readable text ({@code "Invalid input."}). */
    public String detail() {
        return detail;
    }

    /** The error's machine-readable code ({@code "invalid"}), when the body had one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The messages of each field, by dotted name ({@code filter.name_gt}); empty when the error is not a field's. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
