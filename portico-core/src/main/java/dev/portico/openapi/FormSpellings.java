package dev.portico.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The spellings a form field takes beyond its JSON type, so the form schema of an API method says what the decoder
 * reads ({@code dev.portico.input.Scalars}): a boolean is also seed 002's and DRF's {@code on}, {@code yes},
 * {@code 1}, ... (an HTML checkbox sends {@code on}), an instant also epoch seconds ({@code 1700000000.25}). Each is
 * {@code anyOf} the JSON schema and a string of those spellings; JSON bodies keep the plain type.
 */
final class FormSpellings {
    private static final List<String> BOOLEANS = List.of("1", "True", "true", "Yes", "yes", "On", "on", "0", "False",
            "false", "No", "no", "Off", "off");
    private static final String EPOCH_SECONDS = "^-?[0-9]+(\\.[0-9]+)?$";

    private FormSpellings() {
    }

    /** {@code schema}, a form field of Java type {@code raw}, with its other spellings. */
    static Schema<Object> of(Schemas schemas, Class<?> raw, Schema<Object> schema) {
        Schema<Object> other;
        if (raw == boolean.class || raw == Boolean.class) {
            other = schemas.typed("string");
            other.setEnum(new java.util.ArrayList<Object>(BOOLEANS));
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            other = schemas.typed("string").pattern(EPOCH_SECONDS).description("Seconds since the epoch.");
        } else {
            return schema;
        }
        return schemas.any().anyOf(List.of(schema, other));
    }
}
