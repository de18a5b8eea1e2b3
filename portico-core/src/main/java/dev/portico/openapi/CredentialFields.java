package dev.portico.openapi;

import dev.portico.auth.Authenticator;
import dev.portico.http.MediaType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Documents the credentials an authenticator reads from a form body ({@link Authenticator#formFields()}, seed 002's
 * {@code authorisation}): OpenAPI has no security location for a body field, so each form media type of the request
 * body lists it as an optional string property, beside the security scheme the authenticator documents for its other
 * places (the query string). A body schema that is a reference is wrapped in {@code allOf} with the fields.
 */
final class CredentialFields {

    private CredentialFields() {
    }

    static void add(Schemas schemas, Operation operation, List<Authenticator> authenticators) {
        Set<String> fields = new TreeSet<>();
        authenticators.forEach(a -> fields.addAll(a.formFields()));
        if (fields.isEmpty() || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().forEach((type, media) -> {
            if (type.equals(MediaType.FORM_URLENCODED) || type.equals(MediaType.MULTIPART_FORM_DATA)) {
                media.schema(withFields(schemas, media.getSchema(), fields));
            }
        });
    }

    /**
     * Names each inline body {@code <OperationId>Form} (a form) or {@code <OperationId>Body} through its {@code title}, which generators take as the
     * model's name: left unnamed, OpenAPI Generator names it {@code <OperationId>Request}, the name typescript-fetch
     * gives the operation's own parameter interface, and by default skips it (form-only models) while the API class
     * still imports it.
     */
    @SuppressWarnings("rawtypes")
    static void nameForms(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
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

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema withFields(Schemas schemas, Schema body, Set<String> fields) {
        Schema<Object> target = body;
        Schema<Object> result = body;
        if (body == null || body.get$ref() != null || body.getAllOf() != null) {
            target = schemas.typed("object");
            result = body == null ? target : schemas.typed("object").allOf(List.of(body, target));
        }
        for (String field : fields) {
            target.addProperty(field, schemas.typed("string").description("An API key, keyid:secret, as a form field"
                    + " (seed 002's authorisation); the endpoint's own fields leave it out."));
        }
        return result;
    }
}
