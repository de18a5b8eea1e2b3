package dev.portico.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on an answer in Portico's error format, {@code {"detail", "code", "errors"}}, where {@code errors} maps
 * each dotted field path ({@code title}, {@code tags.1}, {@code non_field_errors}) to its messages, with DRF's
 * sentences. Reached through {@link ResponseAssert#isProblem(int)}.
 */
public final class ProblemAssert extends ResponseAssert {

    ProblemAssert(TestResponse actual) {
        super(actual);
    }

    /** The {@code code} is {@code code} ({@code invalid}, {@code not_authenticated}, {@code permission_denied}...). */
    public ProblemAssert hasCode(String code) {
        String actualCode = actual.json().path("code").asText();
        if (!actualCode.equals(code)) {
            failWithMessage("expected the error code %s but was %s%n%s", code, actualCode, shown());
        }
        return this;
    }

    /** The {@code detail} is {@code detail}. */
    public ProblemAssert hasDetail(String detail) {
        String actualDetail = actual.json().path("detail").asText();
        if (!actualDetail.equals(detail)) {
            failWithMessage("expected the detail \"%s\" but was \"%s\"%n%s", detail, actualDetail, shown());
        }
        return this;
    }

    /** Field {@code field} (a dotted path) has {@code message} among its messages. */
    public ProblemAssert hasFieldError(String field, String message) {
        List<String> messages = messages(field);
        if (!messages.contains(message)) {
            failWithMessage(
                    "expected the error \"%s\" on %s but %s%n%s",
                    message,
                    field,
                    messages.isEmpty() ? "it has none (fields with errors: " + fields() + ")" : "it has " + messages,
                    shown());
        }
        return this;
    }

    /** Field {@code field} has an error, whatever its message. */
    public ProblemAssert hasFieldError(String field) {
        if (messages(field).isEmpty()) {
            failWithMessage("expected an error on %s; fields with errors: %s%n%s", field, fields(), shown());
        }
        return this;
    }

    /** Exactly these fields have errors, in any order. */
    public ProblemAssert hasErrorsOnlyOn(String... fields) {
        List<String> actualFields = fields();
        if (!(actualFields.containsAll(List.of(fields)) && List.of(fields).containsAll(actualFields))) {
            failWithMessage(
                    "expected errors exactly on %s but they were on %s%n%s", List.of(fields), actualFields, shown());
        }
        return this;
    }

    /** No field errors at all (a 401, a 404...). */
    public ProblemAssert hasNoFieldErrors() {
        if (!fields().isEmpty()) {
            failWithMessage("expected no field errors but they were on %s%n%s", fields(), shown());
        }
        return this;
    }

    private List<String> messages(String field) {
        JsonNode list = actual.json().path("errors").path(field);
        List<String> messages = new ArrayList<>();
        list.forEach(m -> messages.add(m.asText()));
        return messages;
    }

    private List<String> fields() {
        List<String> fields = new ArrayList<>();
        actual.json().path("errors").fieldNames().forEachRemaining(fields::add);
        return fields;
    }
}
