package dev.portico.openapi;

import dev.portico.endpoint.Docs;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import dev.portico.http.FormData;
import dev.portico.http.MediaType;
import dev.portico.input.Fields;
import dev.portico.router.ParamType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one endpoint into one OpenAPI operation: names, parameters, request body, responses and errors. */
final class Operations {
    private static final String SLUG_PATTERN = "^[-a-zA-Z0-9_]+$";

    private final Schemas schemas;
    private final TypeSchemas types;
    private final OperationNames names;
    private final ErrorResponses errors;
    private final ArgumentSchemas arguments;

    Operations(Schemas schemas, TypeSchemas types, OperationNames names, ErrorResponses errors) {
        this.arguments = new ArgumentSchemas(schemas, types);
        this.schemas = schemas;
        this.types = types;
        this.names = names;
        this.errors = errors;
    }

    Operation operation(Endpoint endpoint) {
        Operation operation =
                new Operation().operationId(names.operationId(endpoint)).tags(names.tags(endpoint));
        endpoint.docs().summary().ifPresent(operation::summary);
        endpoint.docs().description().ifPresent(operation::description);
        if (endpoint.docs().deprecated()) {
            operation.deprecated(true);
        }
        endpoint.docs().extensions().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> operation.addExtension(e.getKey(), e.getValue()));
        for (Input input : endpoint.inputs()) {
            switch (input) {
                case Input.Path p -> operation.addParametersItem(path(p));
                case Input.Query q ->
                    parameters("query", q.name(), q.type(), q.defaultValue(), q.annotations())
                            .forEach(operation::addParametersItem);
                case Input.Header h ->
                    parameters("header", h.name(), h.type(), h.defaultValue(), h.annotations())
                            .forEach(operation::addParametersItem);
                case Input.Cookie c ->
                    parameters("cookie", c.name(), c.type(), c.defaultValue(), c.annotations())
                            .forEach(operation::addParametersItem);
                case Input.Body b -> operation.requestBody(body(b));
                case Input.Arguments a -> operation.requestBody(arguments.requestBody(a));
                case Input.Context c -> {}
                case Input.Caller c -> {} // the caller comes from the credentials, documented as security
            }
        }
        for (Docs.Parameter documented : endpoint.docs().queryParameters()) {
            boolean bound = operation.getParameters() != null
                    && operation.getParameters().stream()
                            .anyMatch(p -> p.getName().equals(documented.name()) && "query".equals(p.getIn()));
            if (!bound) {
                operation.addParametersItem(
                        parameter("query", documented.name(), documented.type(), null, List.of(), false)
                                .description(documented.description()));
            }
        }
        for (Docs.Header header : endpoint.docs().headers()) {
            if (header.status() == 0) {
                operation.addParametersItem(new Parameter()
                        .in("header")
                        .name(header.name())
                        .required(false)
                        .description(header.description())
                        .schema(schemas.typed("string")));
            }
        }
        operation.responses(responses(endpoint));
        return operation;
    }

    private Parameter path(Input.Path input) {
        ParamType type = input.paramType();
        Schema<Object> schema = type.schemaFormat()
                .map(f -> schemas.typed(type.schemaType(), f))
                .orElseGet(() -> schemas.typed(type.schemaType()));
        if (type == ParamType.SLUG) {
            schema.pattern(SLUG_PATTERN);
        }
        Constraints.apply(schemas, schema, input.annotations());
        return new Parameter().in("path").name(input.name()).required(true).schema(schema);
    }

    /** One parameter, or one per component for a record (dotted names, as forms and query strings bind them). */
    private List<Parameter> parameters(
            String in, String name, Type type, String defaultValue, List<Annotation> annotations) {
        Class<?> raw = Types.raw(type);
        if (raw.isRecord()) {
            return java.util.Arrays.stream(raw.getRecordComponents())
                    .filter(c -> !Fields.readOnly(c))
                    .map(c -> parameter(
                            in,
                            name + "." + schemas.name(c),
                            c.getGenericType(),
                            null,
                            Constraints.of(c),
                            Fields.required(c)))
                    .toList();
        }
        boolean optional = Types.isOptional(raw) || Collection.class.isAssignableFrom(raw) || defaultValue != null;
        return List.of(parameter(in, name, type, defaultValue, annotations, !optional));
    }

    private Parameter parameter(
            String in, String name, Type type, String defaultValue, List<Annotation> annotations, boolean required) {
        Schema<Object> schema = types.schema(Types.unwrapOptional(type), TypeSchemas.Usage.REQUEST);
        Constraints.apply(schemas, schema, annotations);
        if (defaultValue != null) {
            schema.setDefault(typedDefault(schema, defaultValue));
        }
        Parameter parameter =
                new Parameter().in(in).name(name).required(required).schema(schema);
        if ("array".equals(schemas.type(schema))) {
            if ("header".equals(in)) {
                parameter.style(Parameter.StyleEnum.SIMPLE); // X-Ids: 1,2 (or one value per line)
            } else {
                parameter.style(Parameter.StyleEnum.FORM).explode(true);
            }
        }
        return parameter;
    }

    private Object typedDefault(Schema<Object> schema, String value) {
        try {
            return switch (String.valueOf(schemas.type(schema))) {
                case "integer" -> Long.parseLong(value);
                case "number" -> new BigDecimal(value);
                case "boolean" -> Boolean.parseBoolean(value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** The body: its JSON schema, and for a record sent as a form the form's own fields and spellings. */
    private RequestBody body(Input.Body input) {
        Content content = new Content();
        Class<?> raw = Types.raw(Types.unwrapOptional(input.type()));
        for (String mediaType : input.mediaTypes()) {
            boolean form =
                    mediaType.equals(MediaType.FORM_URLENCODED) || mediaType.equals(MediaType.MULTIPART_FORM_DATA);
            if (form && raw.isRecord()) {
                content.addMediaType(mediaType, arguments.recordForm(raw, mediaType));
                continue;
            }
            Schema<Object> schema = input.type() == FormData.class
                    ? schemas.typed("object")
                    : types.schema(Types.unwrapOptional(input.type()), TypeSchemas.Usage.REQUEST);
            content.addMediaType(mediaType, new io.swagger.v3.oas.models.media.MediaType().schema(schema));
        }
        return new RequestBody().required(true).content(content); // an empty body is a 400, Optional or not
    }

    /**
     * Names each inline request body {@code <OperationId>Form} (a form) or {@code <OperationId>Body} through its
     * {@code title}, which generators take as the model's name: left unnamed, OpenAPI Generator names it {@code <OperationId>Request}, the name typescript-fetch
     * gives the operation's own parameter interface, and by default skips it (form-only models) while the API class
     * still imports it. Runs once the operation is complete (its credential fields added), on the final schemas.
     */
    @SuppressWarnings("rawtypes")
    static void nameInlineBodies(Operation operation) {
        if (operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null
                || operation.getOperationId() == null) {
            return;
        }
        String id = operation.getOperationId();
        String name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
        operation.getRequestBody().getContent().forEach((type, media) -> {
            Schema schema = media.getSchema();
            boolean form = type.equals(MediaType.FORM_URLENCODED) || type.equals(MediaType.MULTIPART_FORM_DATA);
            if (schema != null && schema.get$ref() == null && schema.getTitle() == null) {
                schema.setTitle(name + (form ? "Form" : "Body")); // an inline JSON body too: the same clash
            }
        });
    }

    private ApiResponses responses(Endpoint endpoint) {
        Map<Integer, Type> documented = new LinkedHashMap<>();
        documented.put(endpoint.status(), endpoint.output());
        documented.putAll(endpoint.docs().responses());
        ApiResponses responses = new ApiResponses();
        documented.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue() instanceof Class<?> c && dev.portico.error.ApiException.class.isAssignableFrom(c)) {
                errors.error(responses, e.getKey(), phrase(e.getKey())); // an error the endpoint throws: the error body
            } else {
                responses.addApiResponse(
                        String.valueOf(e.getKey()), response(e.getKey(), e.getValue(), endpoint.produces()));
            }
        });
        errors.add(endpoint, responses);
        for (Docs.Header header : endpoint.docs().headers()) {
            ApiResponse response = responses.get(String.valueOf(header.status()));
            if (response != null) {
                response.addHeaderObject(
                        header.name(),
                        new io.swagger.v3.oas.models.headers.Header()
                                .description(header.description())
                                .schema(schemas.typed("string")));
            }
        }
        return responses;
    }

    private ApiResponse response(int status, Type type, List<String> produces) {
        ApiResponse response = new ApiResponse().description(phrase(status));
        if (status == 204 || type == void.class || type == Void.class) {
            return response;
        }
        Content content = new Content();
        if (type == dev.portico.http.Response.class) {
            // a handler that writes its own Response chooses its media type and body: the document cannot say more
            return response.content(content.addMediaType("*/*", new io.swagger.v3.oas.models.media.MediaType()));
        }
        for (String mediaType : produces) {
            Schema<Object> schema = mediaType.startsWith(MediaType.TEXT_PLAIN)
                    ? schemas.typed("string")
                    : types.schema(type, TypeSchemas.Usage.RESPONSE);
            content.addMediaType(mediaType, new io.swagger.v3.oas.models.media.MediaType().schema(schema));
        }
        return response.content(content);
    }

    private static String phrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed: the If-Match version is not the current one.";
            default ->
                status < 300 ? "Success" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
        };
    }
}
