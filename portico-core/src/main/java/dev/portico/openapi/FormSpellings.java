package dev.portico.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The spellings a form field takes beyond its JSON type, so every form schema (an API method's and a resource's body
 * alike) says what the decoder reads ({@code dev.portico.input.Scalars}, {@code dev.portico.form.RecordNode}): a
 * boolean is also seed 002's and DRF's {@code on}, {@code yes}, {@code 1}, ... (an HTML checkbox sends {@code on}), an
 * instant also epoch seconds ({@code 1700000000.25}), and in an urlencoded form an optional field that is not text
 * may be blank ({@code publish_date=}, an emptied HTML field), which is DRF's "not given". Each is {@code anyOf} the
 * JSON schema and strings of those spellings; JSON bodies keep the plain type.
 */
final class FormSpellings {
    private static final List<String> BOOLEANS =
            List.of("1", "True", "true", "Yes", "yes", "On", "on", "0", "False", "false", "No", "no", "Off", "off");
    private static final String EPOCH_SECONDS = "^-?[0-9]+(\\.[0-9]+)?$";

    private FormSpellings() {}

    /**
     * {@code schema}, a form field of Java type {@code raw}, with its other spellings.
     *
     * @param blank whether to spell it blank too: an optional field of an urlencoded form, read as not given
     */
    static Schema<Object> of(Schemas schemas, Class<?> raw, Schema<Object> schema, boolean blank) {
        List<Schema> spellings = new ArrayList<>();
        spellings.add(schema);
        if (raw == boolean.class || raw == Boolean.class) {
            Schema<Object> words = schemas.typed("string");
            words.setEnum(new ArrayList<Object>(BOOLEANS));
            spellings.add(words);
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            spellings.add(schemas.typed("string").pattern(EPOCH_SECONDS).description("Seconds since the epoch."));
        }
        if (blank && blankIsNotGiven(raw)) {
            spellings.add(schemas.typed("string").maxLength(0).description("Blank: not given."));
        }
        return spellings.size() == 1 ? schema : schemas.any().anyOf(spellings);
    }

    /**
     * Whether a blank value of {@code raw} is "not given" (the decoder's rule) where its schema refuses it; for text
     * it is the empty string, and bytes are a base64 string that is empty already.
     */
    private static boolean blankIsNotGiven(Class<?> raw) {
        return dev.portico.input.Scalars.isSingleValue(raw)
                && !CharSequence.class.isAssignableFrom(raw)
                && !raw.isPrimitive()
                && raw != byte[].class;
    }
}
