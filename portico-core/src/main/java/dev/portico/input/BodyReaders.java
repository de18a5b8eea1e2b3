package dev.portico.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.portico.config.Limits;
import dev.portico.error.ValidationFailed;
import dev.portico.form.FormData;
import dev.portico.form.FormParser;
import dev.portico.http.MediaType;
import dev.portico.json.JsonErrors;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Chooses the {@link BodyReader} for a body type and media type, at startup. */
public final class BodyReaders {
    private final ObjectMapper mapper;
    private final FormParser forms;

    /** Readers sharing the application's mapper and limits. */
    public BodyReaders(ObjectMapper mapper, Limits limits) {
        this.mapper = mapper;
        this.forms = new FormParser(limits);
    }

    /** The reader for {@code type} arriving as {@code mediaType}; fails at startup for a pair that cannot be read. */
    public BodyReader reader(Type type, String mediaType, String endpoint) {
        return switch (mediaType) {
            case MediaType.APPLICATION_JSON -> json(type);
            case MediaType.FORM_URLENCODED -> form(type, endpoint);
            default -> throw new IllegalArgumentException(endpoint + " accepts bodies as " + mediaType
                    + ", which Portico cannot read; accept " + MediaType.APPLICATION_JSON + " or "
                    + MediaType.FORM_URLENCODED);
        };
    }

    private BodyReader json(Type type) {
        ObjectReader reader = mapper.readerFor(mapper.constructType(type));
        return request -> {
            byte[] body = request.bodyBytes();
            if (body.length == 0) {
                throw ValidationFailed.of("non_field_errors", "A request body is required.");
            }
            try {
                return reader.readValue(body);
            } catch (JsonProcessingException e) {
                throw JsonErrors.translate(e);
            }
        };
    }

    private BodyReader form(Type type, String endpoint) {
        if (type != FormData.class) {
            throw new IllegalArgumentException(endpoint + " reads a form body as " + type.getTypeName()
                    + "; form bodies bind to " + FormData.class.getName());
        }
        return request -> forms.parse(new String(request.bodyBytes(), StandardCharsets.UTF_8));
    }
}
