package dev.portico.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Documents the OPTIONS answer of every path, DRF's metadata ({@code dev.portico.metadata.Metadata}): an
 * {@code options} operation per path whose operationId is {@code options} + the operationId of the path's GET (else its
 * first) operation ({@code optionsListPosts}, {@code optionsRetrievePost}), so it is unique as theirs are. It runs the
 * policies of that operation, so it has its security, tags and its 401/403 responses; its 200 is the
 * {@code Metadata} component, whose {@code actions} describe each field as {@code FieldMetadata}.
 */
final class OptionsOperations {
    static final String METADATA = "Metadata";
    static final String FIELD = "FieldMetadata";
    private static final List<PathItem.HttpMethod> ORDER = List.of(
            PathItem.HttpMethod.GET,
            PathItem.HttpMethod.POST,
            PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH,
            PathItem.HttpMethod.DELETE);

    private final Schemas schemas;

    private final boolean snakeCase;
    /** Every method's name, with separators: no {@code Allow} is longer. */
    private static final int ALLOW_LENGTH = 64;

    /** {@code style} spells the ids as the others are: {@code optionsListPosts}, or {@code posts_list_options}. */
    OptionsOperations(Schemas schemas, dev.portico.config.OperationIdStyle style) {
        this.schemas = schemas;
        this.snakeCase = style == dev.portico.config.OperationIdStyle.SPECTACULAR;
    }

    /** Adds an OPTIONS operation to each path that has no OPTIONS operation of its own; returns their operationIds. */
    Set<String> addTo(Paths paths) {
        Set<String> ids = new java.util.HashSet<>();
        paths.forEach((path, item) -> {
            Operation main = main(item);
            if (main == null || item.getOptions() != null || main.getOperationId() == null) {
                return;
            }
            String mainId = main.getOperationId();
            String id = snakeCase
                    ? mainId + "_options"
                    : "options" + Character.toUpperCase(mainId.charAt(0)) + mainId.substring(1);
            ids.add(id);
            item.setOptions(operation(id, main));
        });
        return ids;
    }

    private static Operation main(PathItem item) {
        Map<PathItem.HttpMethod, Operation> operations = item.readOperationsMap();
        for (PathItem.HttpMethod method : ORDER) {
            if (operations.containsKey(method)) {
                return operations.get(method);
            }
        }
        return null;
    }

    private Operation operation(String id, Operation main) {
        ApiResponses responses = new ApiResponses()
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description(
                                        "What the path is: its name, what it renders and parses, and under actions the"
                                                + " fields of the writing methods the caller may use.")
                                .content(new Content()
                                        .addMediaType(
                                                "application/json", new MediaType().schema(schemas.ref(METADATA))))
                                .addHeaderObject(
                                        "Allow",
                                        new io.swagger.v3.oas.models.headers.Header()
                                                .description("The methods the path answers, as a 405 names them.")
                                                .schema(schemas.typed("string").maxLength(ALLOW_LENGTH))));
        for (String status : List.of("401", "403", "404")) {
            if (main.getResponses() != null && main.getResponses().containsKey(status)) {
                responses.addApiResponse(status, main.getResponses().get(status));
            }
        }
        Operation options = new Operation()
                .operationId(id)
                .tags(main.getTags())
                .security(main.getSecurity())
                .summary("Describe this path (DRF's metadata)")
                .responses(responses);
        if (main.getParameters() != null) {
            main.getParameters().stream().filter(p -> "path".equals(p.getIn())).forEach(options::addParametersItem);
        }
        return options;
    }

    /** The components the operations refer to. */
    Map<String, Schema> components() {
        Map<String, Schema> components = new LinkedHashMap<>();
        Schema<Object> strings = schemas.typed("array").items(schemas.typed("string"));
        Schema<Object> fields = schemas.typed("object").additionalProperties(schemas.ref(FIELD));
        components.put(
                METADATA,
                schemas.typed("object")
                        .addProperty("name", schemas.typed("string"))
                        .addProperty("description", schemas.typed("string"))
                        .addProperty("renders", strings)
                        .addProperty("parses", strings)
                        .addProperty(
                                "actions",
                                schemas.typed("object")
                                        .additionalProperties(fields)
                                        .description("POST and PUT, when the caller may use them: each field by name."))
                        .required(List.of("name", "description", "renders", "parses")));
        Schema<Object> choice = schemas.typed("object")
                .addProperty("value", schemas.typed("string"))
                .addProperty("display_name", schemas.typed("string"));
        components.put(
                FIELD,
                schemas.typed("object")
                        .addProperty(
                                "type",
                                schemas.typed("string")
                                        .description("string, integer, boolean, date, datetime, decimal, float, choice,"
                                                + " file upload, list, nested object, email or field"))
                        .addProperty("required", schemas.typed("boolean"))
                        .addProperty("read_only", schemas.typed("boolean"))
                        .addProperty("label", schemas.typed("string"))
                        .addProperty("help_text", schemas.typed("string"))
                        .addProperty("min_length", schemas.typed("integer", "int32"))
                        .addProperty("max_length", schemas.typed("integer", "int32"))
                        .addProperty("min_value", schemas.typed("number"))
                        .addProperty("max_value", schemas.typed("number"))
                        .addProperty("choices", schemas.typed("array").items(choice))
                        .addProperty("child", schemas.ref(FIELD))
                        .addProperty("children", fields)
                        .required(List.of("type", "required", "read_only", "label")));
        return components;
    }
}
