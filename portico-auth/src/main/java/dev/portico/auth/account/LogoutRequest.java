package dev.portico.auth.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.http.MediaType;
import dev.portico.http.Request;
import dev.portico.json.JsonErrors;
import java.io.IOException;
import java.util.Optional;

/**
 * The optional body of a logout, {@code {"refresh": "<token>"}} (JSON or a form), as dj-rest-auth's
 * {@code LogoutView} reads it. Read by hand rather than declared as the endpoint's body: a logout without any body
 * (a session's, {@code curl -X POST}) must go on answering 200, where a declared body would be a 415.
 */
final class LogoutRequest {
    static final String FIELD = "refresh";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LogoutRequest() {}

    /** The refresh token sent, if any; a JSON body that does not parse is a 400. */
    static Optional<String> refresh(Request request) {
        Optional<String> fromForm = request.form().flatMap(form -> form.first(FIELD));
        if (fromForm.isPresent()) {
            return fromForm;
        }
        String essence = MediaType.essence(request.contentType().orElse(""));
        if (!essence.equals(MediaType.APPLICATION_JSON)) {
            return Optional.empty();
        }
        byte[] body = request.bodyBytes();
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode refresh = MAPPER.readTree(body).path(FIELD);
            return refresh.isTextual() ? Optional.of(refresh.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
