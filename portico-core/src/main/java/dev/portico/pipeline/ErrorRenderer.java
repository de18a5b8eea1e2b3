package dev.portico.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.error.ApiException;
import dev.portico.error.ErrorFormat;
import dev.portico.http.MediaType;
import dev.portico.http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every error the framework or an endpoint raises in the one configured error format, naming at most
 * {@code limits.error-entries} fields: the others are counted in one last {@code non_field_errors} message
 * ({@code "…and 12 more errors."}), a shape both formats already carry, so no answer outgrows its request.
 */
public final class ErrorRenderer {
    private static final String NON_FIELD_ERRORS = "non_field_errors";

    private final ObjectMapper mapper;
    private final ErrorFormat format;
    private final int maxEntries;

    /** A renderer writing {@code format} with the shared mapper, naming at most 100 fields. */
    public ErrorRenderer(ObjectMapper mapper, ErrorFormat format) {
        this(mapper, format, dev.portico.config.Limits.DEFAULT_ERROR_ENTRIES);
    }

    /** A renderer writing {@code format} with the shared mapper, naming at most {@code maxEntries} fields. */
    public ErrorRenderer(ObjectMapper mapper, ErrorFormat format, int maxEntries) {
        this.mapper = mapper;
        this.format = format;
        this.maxEntries = Math.max(1, maxEntries);
    }

    /** The configured format. */
    public ErrorFormat format() {
        return format;
    }

    /** The response for {@code error}, its headers included. */
    public Response render(ApiException error) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (format == ErrorFormat.PROBLEM) {
            body.put("type", "about:blank");
            body.put("title", Reasons.phrase(error.status()));
            body.put("status", error.status());
        }
        body.put("detail", error.detail());
        body.put("code", error.code());
        if (!error.errors().isEmpty() || error.omitted() > 0) {
            body.put("errors", capped(error.errors(), error.omitted()));
        }
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body could not be written", e);
        }
        String contentType = format == ErrorFormat.PROBLEM ? MediaType.PROBLEM_JSON : MediaType.APPLICATION_JSON;
        Response response = Response.of(error.status(), contentType, bytes);
        error.headers().forEach(response::header);
        return response;
    }

    /** The first {@code maxEntries} paths, and the count of every message left out appended to the last entry. */
    private Map<String, List<String>> capped(Map<String, List<String>> errors, int omitted) {
        if (errors.size() <= maxEntries && omitted == 0) {
            return errors;
        }
        Map<String, List<String>> kept = new LinkedHashMap<>();
        long more = omitted;
        for (Map.Entry<String, List<String>> entry : errors.entrySet()) {
            if (kept.size() < maxEntries) {
                kept.put(entry.getKey(), entry.getValue());
            } else {
                more += entry.getValue().size();
            }
        }
        List<String> last = new ArrayList<>(kept.getOrDefault(NON_FIELD_ERRORS, List.of()));
        last.add("…and " + more + " more error" + (more == 1 ? "." : "s."));
        kept.put(NON_FIELD_ERRORS, last);
        return kept;
    }

    /** The 500 answer for a failure nobody handled: no detail of the failure leaves the server. */
    public Response serverError() {
        return render(new ApiException(500, "server_error", "Internal server error."));
    }
}
