package dev.portico.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.portico.config.Limits;
import dev.portico.error.ValidationFailed;
import dev.portico.form.FormData;
import dev.portico.form.FormDecoder;
import dev.portico.form.FormParser;
import dev.portico.form.MultipartParser;
import dev.portico.http.MediaType;
import dev.portico.http.Request;
import dev.portico.json.JsonErrors;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Chooses the {@link BodyReader} for a body type and media type, at startup: JSON through the shared mapper,
 * urlencoded and multipart forms through {@link FormDecoder}, whose plan for the type is made here.
 */
public final class BodyReaders {
    private final ObjectMapper mapper;
    private final FormParser forms;
    private final MultipartParser multipart;

    /** Readers sharing the application's mapper and limits. */
    public BodyReaders(ObjectMapper mapper, Limits limits) {
        this.mapper = mapper;
        this.forms = new FormParser(limits);
        this.multipart = new MultipartParser(limits);
    }

    /** The reader for {@code type} arriving as {@code mediaType}; fails at startup for a pair that cannot be read. */
    public BodyReader reader(Type type, String mediaType, String endpoint) {
        return switch (mediaType) {
            case MediaType.APPLICATION_JSON -> json(type);
            case MediaType.FORM_URLENCODED -> form(type, endpoint,
                    request -> forms.parse(new String(request.bodyBytes(), StandardCharsets.UTF_8)));
            case MediaType.MULTIPART_FORM_DATA -> form(type, endpoint, multipart::parse);
            default -> throw new IllegalArgumentException(endpoint + " accepts bodies as " + mediaType
                    + ", which Portico cannot read; accept " + MediaType.APPLICATION_JSON + ", "
                    + MediaType.FORM_URLENCODED + " or " + MediaType.MULTIPART_FORM_DATA);
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

    private BodyReader form(Type type, String endpoint, Function<Request, FormData> parser) {
        if (type == FormData.class) {
            return parser::apply;
        }
        FormDecoder decoder;
        try {
            decoder = FormDecoder.of(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(endpoint + " reads a form body as " + type.getTypeName() + ", but "
                    + e.getMessage() + "; accept it as JSON only, or bind " + FormData.class.getName(), e);
        }
        return request -> decoder.decode(parser.apply(request));
    }
}
