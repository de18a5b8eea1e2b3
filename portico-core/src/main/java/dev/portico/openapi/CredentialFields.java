package dev.portico.openapi;

import dev.portico.auth.Authenticator;
import dev.portico.http.MediaType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Documents what an authenticator reads outside its security scheme:
 * <ul>
 *   <li>the credentials of a form body ({@link Authenticator#formFields()}, seed 002's {@code authorisation}):
 *   OpenAPI has no security location for a body field, so each form media type of the request body lists it as an
 *   optional string property, beside the security scheme the authenticator documents for its other places (the
 *   query string). A body schema that is a reference is wrapped in {@code allOf} with the fields;</li>
 *   <li>the headers its callers add to unsafe requests ({@link Authenticator#unsafeMethodHeaders()}, a session's
 *   {@code X-CSRFToken}): optional header parameters of the POST, PUT, PATCH and DELETE operations.</li>
 * </ul>
 */
final class CredentialFields {

    private CredentialFields() {}

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The credential fields and headers of {@code authenticators}, on {@code operation} of HTTP method {@code method}. */
    static void add(Schemas schemas, String method, Operation operation, List<Authenticator> authenticators) {
        if (UNSAFE.contains(method)) {
            headers(schemas, operation, authenticators);
        }
        fields(schemas, operation, authenticators);
    }

    private static void headers(Schemas schemas, Operation operation, List<Authenticator> authenticators) {
        Map<String, String> headers = new TreeMap<>();
        authenticators.forEach(a -> a.unsafeMethodHeaders().forEach(headers::putIfAbsent));
        headers.forEach((name, description) -> {
            boolean present = operation.getParameters() != null
                    && operation.getParameters().stream()
                            .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
            if (!present) {
                operation.addParametersItem(new Parameter()
                        .in("header")
                        .name(name)
                        .required(false)
                        .description(description)
                        .schema(schemas.typed("string")));
            }
        });
    }

    private static void fields(Schemas schemas, Operation operation, List<Authenticator> authenticators) {
        Set<String> fields = new TreeSet<>();
        authenticators.forEach(a -> fields.addAll(a.formFields()));
        if (fields.isEmpty()
                || operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().forEach((type, media) -> {
            if (type.equals(MediaType.FORM_URLENCODED) || type.equals(MediaType.MULTIPART_FORM_DATA)) {
                media.schema(withFields(schemas, media.getSchema(), fields));
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema withFields(Schemas schemas, Schema body, Set<String> fields) {
        Schema<Object> target = body;
        Schema<Object> result = body;
        if (body == null || body.get$ref() != null || body.getAllOf() != null) {
            target = schemas.typed("object");
            result = body == null ? target : schemas.typed("object").allOf(List.of(body, target));
        }
        for (String field : fields) {
            target.addProperty(
                    field,
                    schemas.typed("string")
                            .description("A credential an authenticator reads from the form (an API key keyid:secret,"
                                    + " a session's CSRF token); the endpoint's own fields leave it out."));
        }
        return result;
    }
}
