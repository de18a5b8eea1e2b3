package dev.portico.clientgen.diff;

import dev.portico.clientgen.diff.SchemaDiff.Change;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Flattens openapi-diff's tree of changes into one line per change, each naming its operation and where in it
 * the change is ({@code request application/json: title}), marked breaking when openapi-diff judges it
 * incompatible. openapi-diff's own console report marks only the document as a whole.
 */
final class ChangeLines {
    private final List<Change> lines = new ArrayList<>();

    private ChangeLines() {}

    static List<Change> of(ChangedOpenApi diff) {
        ChangeLines out = new ChangeLines();
        diff.getMissingEndpoints().forEach(e -> out.add(true, name(e) + ": operation removed"));
        diff.getNewEndpoints().forEach(e -> out.add(false, name(e) + ": operation added"));
        diff.getDeprecatedEndpoints().forEach(e -> out.add(false, name(e) + ": operation deprecated"));
        diff.getChangedOperations().forEach(out::operation);
        return out.lines;
    }

    private void add(boolean breaking, String text) {
        lines.add(new Change(breaking, text));
    }

    private void add(Changed changed, String text) {
        add(Changed.result(changed).isIncompatible(), text);
    }

    private void operation(ChangedOperation op) {
        String name = name(op.getHttpMethod().name(), op.getPathUrl(), op.getNewOperation());
        if (Changed.result(op.getOperationId()).isDifferent()) {
            add(
                    op.getOperationId(),
                    name + ": operationId was " + op.getOldOperation().getOperationId()
                            + " (generated clients rename the method)");
        }
        parameters(name, op.getParameters());
        if (op.getRequestBody() != null && op.getRequestBody().isDifferent()) {
            if (op.getRequestBody().isChangeRequired()) {
                add(
                        op.getRequestBody(),
                        name + ": request body "
                                + (Boolean.TRUE.equals(op.getRequestBody()
                                                .getNewRequestBody()
                                                .getRequired())
                                        ? "now required"
                                        : "now optional"));
            }
            content(name + ": request", op.getRequestBody().getContent());
        }
        if (op.getApiResponses() != null && op.getApiResponses().isDifferent()) {
            responses(name, op.getApiResponses());
        }
        if (Changed.result(op.getSecurityRequirements()).isDifferent()) {
            add(op.getSecurityRequirements(), name + ": security requirements changed");
        }
        if (op.isDeprecated()) {
            add(false, name + ": operation deprecated");
        }
    }

    private void parameters(String name, ChangedParameters parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter p : parameters.getMissing()) {
            add(true, name + ": " + p.getIn() + " parameter " + p.getName() + " removed");
        }
        for (Parameter p : parameters.getIncreased()) {
            boolean required = Boolean.TRUE.equals(p.getRequired());
            add(
                    required,
                    name + ": " + (required ? "required " : "optional ") + p.getIn() + " parameter " + p.getName()
                            + " added");
        }
        for (ChangedParameter p : parameters.getChanged()) {
            String where = name + ": " + p.getIn() + " parameter " + p.getName();
            if (p.isChangeRequired()) {
                add(
                        p,
                        where
                                + (Boolean.TRUE.equals(p.getNewParameter().getRequired())
                                        ? " now required"
                                        : " now optional"));
            }
            if (p.getSchema() != null) {
                new SchemaLines(this::add).schema(where, p.getSchema());
            }
        }
    }

    private void responses(String name, ChangedApiResponse responses) {
        responses.getMissing().keySet().forEach(code -> add(responses, name + ": response " + code + " removed"));
        responses.getIncreased().keySet().forEach(code -> add(false, name + ": response " + code + " added"));
        for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
            if (e.getValue().getContent() != null) {
                content(name + ": response " + e.getKey(), e.getValue().getContent());
            }
            if (Changed.result(e.getValue().getHeaders()).isDifferent()) {
                add(e.getValue().getHeaders(), name + ": response " + e.getKey() + " headers changed");
            }
        }
    }

    private void content(String where, ChangedContent content) {
        if (content == null) {
            return;
        }
        content.getMissing().keySet().forEach(type -> add(content, where + " " + type + " no longer accepted or sent"));
        content.getIncreased().keySet().forEach(type -> add(false, where + " " + type + " added"));
        for (Map.Entry<String, ChangedMediaType> e : content.getChanged().entrySet()) {
            if (e.getValue().getSchema() != null) {
                new SchemaLines(this::add)
                        .schema(where + " " + e.getKey(), e.getValue().getSchema());
            }
        }
    }

    private static String name(Endpoint endpoint) {
        return name(endpoint.getMethod().name(), endpoint.getPathUrl(), endpoint.getOperation());
    }

    private static String name(String method, String path, Operation operation) {
        String id = operation == null ? null : operation.getOperationId();
        return method + " " + path + (id == null ? "" : " (" + id + ")");
    }

    /** The lines of one schema's changes, property by property. */
    private record SchemaLines(Sink sink) {
        interface Sink {
            void add(boolean breaking, String text);
        }

        void schema(String where, ChangedSchema schema) {
            if (schema.isChangedType()) {
                sink.add(
                        schema.isCoreChanged().isIncompatible(),
                        where + ": type changed from " + type(schema.getOldSchema()) + " to "
                                + type(schema.getNewSchema()));
            }
            List<String> newlyRequired = schema.getRequired() == null
                    ? List.of()
                    : schema.getRequired().getIncreased();
            boolean request = schema.getContext() != null && schema.getContext().isRequest();
            for (Map.Entry<String, Schema<?>> e :
                    schema.getIncreasedProperties().entrySet()) {
                boolean required = newlyRequired.contains(e.getKey());
                sink.add(
                        required && request,
                        where + ": " + (required ? "required" : "optional") + " property " + e.getKey() + " added");
            }
            for (String property : schema.getMissingProperties().keySet()) {
                // a request property removed breaks old clients that still send it: Portico refuses unknown
                // fields by default (json.fail-on-unknown-fields); a response one breaks clients only if required
                sink.add(
                        request || required(schema.getOldSchema(), property),
                        where + ": property " + property + " removed");
            }
            if (schema.getRequired() != null) {
                for (String property : schema.getRequired().getIncreased()) {
                    if (!schema.getIncreasedProperties().containsKey(property)) {
                        sink.add(schema.getRequired().isIncompatible(), where + ": " + property + " now required");
                    }
                }
                for (String property : schema.getRequired().getMissing()) {
                    if (!schema.getMissingProperties().containsKey(property)) {
                        sink.add(schema.getRequired().isIncompatible(), where + ": " + property + " now optional");
                    }
                }
            }
            leaf(where + ": enum values", schema.getEnumeration());
            leaf(where + ": nullable", schema.getNullable());
            leaf(where + ": maxLength", schema.getMaxLength());
            leaf(where + ": minLength", schema.getMinLength());
            leaf(where + ": minimum or maximum", schema.getNumericRange());
            leaf(where + ": pattern", schema.getPattern());
            leaf(where + ": maxItems", schema.getMaxItems());
            leaf(where + ": minItems", schema.getMinItems());
            leaf(where + ": readOnly", schema.getReadOnly());
            leaf(where + ": writeOnly", schema.getWriteOnly());
            leaf(where + ": oneOf", schema.getOneOfSchema());
            if (schema.isChangeFormat()) {
                sink.add(
                        schema.isCoreChanged().isIncompatible(),
                        where + ": format changed from " + schema.getOldSchema().getFormat() + " to "
                                + schema.getNewSchema().getFormat());
            }
            schema.getChangedProperties()
                    .forEach((property, changed) -> schema(where + ": property " + property, changed));
            if (schema.getItems() != null) {
                schema(where + "[]", schema.getItems());
            }
            if (schema.getAddProp() != null) {
                schema(where + "{}", schema.getAddProp());
            }
        }

        private void leaf(String where, Changed changed) {
            DiffResult result = Changed.result(changed);
            if (result.isDifferent() && !result.isMetaChanged()) {
                sink.add(result.isIncompatible(), where + " changed");
            }
        }

        private static boolean required(Schema<?> schema, String property) {
            return schema != null
                    && schema.getRequired() != null
                    && schema.getRequired().contains(property);
        }

        private static String type(Schema<?> schema) {
            return schema == null ? "none" : Objects.requireNonNullElse(schema.getType(), "any");
        }
    }
}
