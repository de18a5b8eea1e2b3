package dev.portico.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.portico.config.Limits;
import dev.portico.config.Naming;
import dev.portico.error.ValidationFailed;
import dev.portico.form.FormDecoder;
import dev.portico.form.FormParser;
import dev.portico.form.MultipartParser;
import dev.portico.http.FormData;
import dev.portico.http.MediaType;
import dev.portico.http.Request;
import dev.portico.json.FieldByField;
import dev.portico.json.JsonErrors;
import dev.portico.json.JsonNullCharacters;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the {@link BodyReader} for a body type and media type, at startup: JSON through the shared mapper,
 * urlencoded and multipart forms through {@link FormDecoder}, whose plan for the type is made here.
 */
public final class BodyReaders {
    private static final Request.Attribute<FormData> FORM = Request.Attribute.create("form body");
    private static final Request.Attribute<Boolean> FORM_REFUSED = Request.Attribute.create("form refused");

    private final ObjectMapper mapper;
    private final FormParser forms;
    private final MultipartParser multipart;
    private final FieldByField records;
    private final JsonNullCharacters nulls;
    private final Naming naming;

    /** Readers sharing the application's mapper and limits. */
    public BodyReaders(ObjectMapper mapper, Limits limits) {
        this.mapper = mapper;
        this.forms = new FormParser(limits);
        this.multipart = new MultipartParser(limits);
        this.records = new FieldByField(mapper, limits.errorEntries());
        this.nulls = new JsonNullCharacters(mapper.getFactory(), limits.errorEntries());
        this.naming = Naming.of(mapper);
    }

    /** The application's naming rule, which forms and structured query parameters share with JSON. */
    public Naming naming() {
        return naming;
    }

    /** The reader for {@code type} arriving as {@code mediaType}; fails at startup for a pair that cannot be read. */
    public BodyReader reader(Type type, String mediaType, String endpoint) {
        return reader(type, mediaType, endpoint, Set.of());
    }

    /**
     * The same, for a form body whose {@code credentialFields} (read by the endpoint's authenticators) are left out
     * before it is decoded: never bound, never "Unknown field.".
     */
    public BodyReader reader(Type type, String mediaType, String endpoint, Set<String> credentialFields) {
        return switch (mediaType) {
            case MediaType.APPLICATION_JSON -> json(type);
            case MediaType.FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA ->
                form(
                        type,
                        endpoint,
                        credentialFields.isEmpty()
                                ? request -> form(request).orElseThrow()
                                : request -> form(request).orElseThrow().without(credentialFields));
            default ->
                throw new IllegalArgumentException(endpoint + " accepts bodies as " + mediaType
                        + ", which Portico cannot read; accept " + MediaType.APPLICATION_JSON + ", "
                        + MediaType.FORM_URLENCODED + " or " + MediaType.MULTIPART_FORM_DATA);
        };
    }

    /**
     * The body as form fields when its {@code Content-Type} is urlencoded or multipart; empty for any other body.
     * It is parsed once per request, within the form limits, and kept: an authenticator that reads one field
     * ({@code authorisation}, {@code csrf_token}) and the endpoint's input then share the one parse, where reading
     * the body twice would find it gone.
     *
     * <p>A body that could not be read (cut short, too large, a bad part) is answered by the first read's 4xx; a later
     * read, such as the browsable page refilling its form for that answer, finds no form rather than a body already
     * consumed.
     */
    public Optional<FormData> form(Request request) {
        Optional<FormData> kept = request.attribute(FORM);
        if (kept.isPresent()) {
            return kept;
        }
        if (request.attribute(FORM_REFUSED).isPresent()) {
            return Optional.empty();
        }
        String essence = MediaType.essence(request.contentType().orElse(""));
        FormData parsed;
        try {
            parsed = switch (essence) {
                case MediaType.FORM_URLENCODED -> forms.parse(new String(request.bodyBytes(), StandardCharsets.UTF_8));
                case MediaType.MULTIPART_FORM_DATA -> multipart.parse(request);
                default -> null;
            };
        } catch (RuntimeException refused) {
            request.attribute(FORM_REFUSED, Boolean.TRUE);
            throw refused;
        }
        if (parsed == null) {
            return Optional.empty();
        }
        request.attribute(FORM, parsed);
        return Optional.of(parsed);
    }

    /**
     * The reader of an API method's arguments: the query string's fields, then the body's (urlencoded, multipart, or
     * a JSON object read as the fields it stands for), less {@code credentialFields}, through one form decoder
     * planned here. No body at all is no fields; any other {@code Content-Type} with a body is a 415.
     */
    public BodyReader arguments(
            dev.portico.endpoint.Input.Arguments arguments, String endpoint, Set<String> credentialFields) {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Type> types = new java.util.ArrayList<>();
        java.util.List<Boolean> required = new java.util.ArrayList<>();
        for (dev.portico.endpoint.Input.Argument argument : arguments.arguments()) {
            names.add(argument.name());
            types.add(argument.type());
            required.add(argument.required());
        }
        FormDecoder decoder;
        try {
            decoder = FormDecoder.arguments(endpoint, names, types, required, arguments.resolvers(), naming);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(endpoint + ": " + e.getMessage(), e);
        }
        return request -> decoder.decodeArguments(fields(request).without(credentialFields), forms);
    }

    /** Every field of a call: the query string's, then the body's. */
    private FormData fields(Request request) {
        FormData query = forms.parse(request.rawQuery());
        String contentType = request.contentType().orElse("");
        String essence = contentType.isEmpty() ? "" : MediaType.essence(contentType);
        FormData body = switch (essence) {
            case MediaType.FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA ->
                form(request).orElseThrow();
            case MediaType.APPLICATION_JSON -> jsonFields(request.bodyBytes());
            // no Content-Type: no body read (curl -X POST url sends none); any other type is one we cannot read
            case "" -> FormData.of(java.util.Map.of());
            default -> throw new dev.portico.error.UnsupportedMediaType(essence);
        };
        return query.merge(body);
    }

    private FormData jsonFields(byte[] body) {
        if (body.length == 0) {
            return FormData.of(java.util.Map.of());
        }
        nulls.check(body);
        try {
            return dev.portico.form.JsonFields.of(mapper.readTree(body), forms);
        } catch (java.io.IOException e) {
            throw e instanceof JsonProcessingException j ? JsonErrors.translate(j) : new IllegalStateException(e);
        }
    }

    private BodyReader json(Type type) {
        com.fasterxml.jackson.databind.JavaType javaType = mapper.constructType(type);
        ObjectReader reader = mapper.readerFor(javaType);
        boolean fieldByField = FieldByField.applies(javaType);
        boolean acceptsNull = type == Object.class
                || type instanceof Class<?> c && com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(c);
        return request -> {
            byte[] body = request.bodyBytes();
            if (body.length == 0) {
                throw ValidationFailed.of("non_field_errors", "A request body is required.");
            }
            nulls.check(body);
            Object value;
            try {
                value = reader.readValue(body);
            } catch (JsonProcessingException e) {
                // a record names every field's problem, re-read only now; the read that succeeds does no more work
                throw fieldByField ? records.translate(javaType, body, e) : JsonErrors.translate(e);
            }
            if (value == null && !acceptsNull) {
                // the literal null: DRF's "Expected a dictionary, but got NoneType", never a null handed to the handler
                throw ValidationFailed.of("non_field_errors", "Invalid data. Expected a value, but got null.");
            }
            return value;
        };
    }

    private BodyReader form(Type type, String endpoint, Function<Request, FormData> parser) {
        if (type == FormData.class) {
            return parser::apply;
        }
        FormDecoder decoder;
        try {
            decoder = FormDecoder.of(type, java.util.List.of(), naming);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    endpoint + " reads a form body as " + type.getTypeName() + ", but " + e.getMessage()
                            + "; accept it as JSON only, or bind " + FormData.class.getName(),
                    e);
        }
        return request -> decoder.decode(parser.apply(request));
    }
}
