package dev.portico.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.http.MediaType;
import dev.portico.http.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes every error the framework or an endpoint raises in the one configured error format. */
public final class ErrorRenderer {
    private final ObjectMapper mapper;
    private final ErrorFormat format;

    /** A renderer writing {@code format} with the shared mapper. */
    public ErrorRenderer(ObjectMapper mapper, ErrorFormat format) {
        this.mapper = mapper;
        this.format = format;
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
        if (!error.errors().isEmpty()) {
            body.put("errors", error.errors());
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

    /** The 500 answer for a failure nobody handled: no detail of the failure leaves the server. */
    public Response serverError() {
        return render(new ApiException(500, "server_error", "Internal server error."));
    }
}
