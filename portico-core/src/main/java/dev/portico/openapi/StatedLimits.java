package dev.portico.openapi;

import dev.portico.config.Limits;
import dev.portico.http.MediaType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.List;

/**
 * States in the finished document the limits the application enforces where no constraint stated a tighter one, so
 * tools that check for bounds (OWASP's Spectral ruleset) read what the server will refuse:
 * <ul>
 *   <li>an integer gets the {@code minimum}/{@code maximum} of its Java type ({@code format: int32} or
 *   {@code int64}, which every integer but a {@code BigInteger} has): a larger number is a 400;</li>
 *   <li>a string gets a {@code maxLength} from the limit that bounds it: {@code limits.header-size} in a path, query,
 *   cookie or header, {@code limits.json-string-length} in JSON (and in components, which JSON bodies use),
 *   {@code limits.body-size} in an urlencoded form, {@code limits.multipart-part-size} in a multipart one;</li>
 *   <li>an array in a form gets {@code maxItems} from {@code limits.form-list-index}.</li>
 * </ul>
 * A JSON array has no count limit but the body size, so it gets no {@code maxItems} (docs/schema.md lists it). The
 * walk does not follow {@code $ref}: each component is visited once, as itself.
 */
final class StatedLimits {
    private final Schemas schemas;
    private final Limits limits;

    StatedLimits(Schemas schemas, Limits limits) {
        this.schemas = schemas;
        this.limits = limits;
    }

    /** The bounds that apply to one place of the document. */
    private record Place(long longestString, Integer mostItems) {}

    void apply(OpenAPI openapi) {
        Place head = new Place(limits.headerSize(), null);
        Place json = new Place(limits.jsonStringLength(), null);
        if (openapi.getPaths() != null) {
            openapi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> operation(op, head, json)));
        }
        if (openapi.getComponents() != null && openapi.getComponents().getSchemas() != null) {
            openapi.getComponents().getSchemas().values().forEach(s -> walk(s, json));
        }
        if (openapi.getComponents() != null && openapi.getComponents().getHeaders() != null) {
            // the headers every response refers to (RateLimit-*, Allow, ...) travel in headers like the others
            openapi.getComponents().getHeaders().values().stream()
                    .map(Header::getSchema)
                    .forEach(s -> walk(s, head));
        }
    }

    private void operation(Operation operation, Place head, Place json) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                walk(parameter.getSchema(), head);
            }
        }
        if (operation.getRequestBody() != null) {
            content(operation.getRequestBody().getContent(), json);
        }
        if (operation.getResponses() != null) {
            for (ApiResponse response : operation.getResponses().values()) {
                content(response.getContent(), json);
                if (response.getHeaders() != null) {
                    response.getHeaders().values().stream()
                            .map(Header::getSchema)
                            .forEach(s -> walk(s, head));
                }
            }
        }
    }

    private void content(Content content, Place json) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> walk(
                media.getSchema(),
                switch (MediaType.essence(type)) {
                    case MediaType.FORM_URLENCODED -> new Place(limits.bodySize(), limits.formListIndex() + 1);
                    case MediaType.MULTIPART_FORM_DATA ->
                        new Place(limits.multipartPartSize(), limits.formListIndex() + 1);
                    default -> json;
                }));
    }

    @SuppressWarnings("unchecked")
    private void walk(Schema<?> schema, Place place) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        String type = schemas.type(schema);
        if ("integer".equals(type)) {
            integer(schema);
        } else if ("string".equals(type)
                && schema.getMaxLength() == null
                && schema.getEnum() == null
                && schema.getConst() == null) {
            schema.setMaxLength((int) Math.min(Integer.MAX_VALUE, place.longestString()));
        } else if ("array".equals(type) && schema.getMaxItems() == null && place.mostItems() != null) {
            schema.setMaxItems(place.mostItems());
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> walk(s, place));
        }
        walk(schema.getItems(), place);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            walk(values, place);
        }
        for (List<Schema> parts :
                List.of(nonNull(schema.getAllOf()), nonNull(schema.getOneOf()), nonNull(schema.getAnyOf()))) {
            parts.forEach(s -> walk(s, place));
        }
        walk(schema.getContentSchema(), new Place(limits.jsonStringLength(), null));
    }

    private static List<Schema> nonNull(List<Schema> parts) {
        return parts == null ? List.of() : parts;
    }

    /** The Java type's format and range where nothing narrower was stated. */
    private void integer(Schema<?> schema) {
        if (schema.getFormat() == null) {
            return; // a BigInteger: no range to state
        }
        boolean int32 = "int32".equals(schema.getFormat());
        if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
            schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
        }
        if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
            schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
        }
    }
}
