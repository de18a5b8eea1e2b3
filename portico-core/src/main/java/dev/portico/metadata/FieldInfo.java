package dev.portico.metadata;

import java.util.List;
import java.util.Optional;

/**
 * One field of an endpoint's input or output, as DRF's {@code SimpleMetadata} describes a serializer field: derived
 * once at startup from the Java type ({@link FieldInfos}), then read by the OPTIONS answer ({@link Metadata}) and by
 * the browsable API's forms, so the two cannot disagree.
 *
 * @param name the name clients send and read ({@code publish_date}; dotted names are built from it by the forms)
 * @param type DRF's type name: {@code string}, {@code integer}, {@code boolean}, {@code date}, {@code datetime},
 *             {@code decimal}, {@code float}, {@code choice}, {@code file upload}, {@code list},
 *             {@code nested object}, {@code email}, {@code url} or {@code field}
 * @param required whether a client must send it
 * @param readOnly whether the server sets it (in the output, not the input)
 * @param label a human name ({@code Publish date}; {@code ID} for {@code id})
 * @param helpText one sentence for the reader: the component's description, the one its OpenAPI property carries
 *                 ({@code @JsonPropertyDescription}), if any
 * @param limits the constraints a form shows and the metadata lists
 * @param choices an enum's constants; empty otherwise
 * @param children the fields of a nested record
 * @param child the item of a list
 */
public record FieldInfo(
        String name,
        String type,
        boolean required,
        boolean readOnly,
        String label,
        Optional<String> helpText,
        Limits limits,
        List<Choice> choices,
        List<FieldInfo> children,
        Optional<FieldInfo> child) {

    /** Copies the lists. */
    public FieldInfo {
        choices = List.copyOf(choices);
        children = List.copyOf(children);
    }

    /** The same field, read-only (an output field that is not in the input). */
    public FieldInfo asReadOnly() {
        return new FieldInfo(name, type, false, true, label, helpText, limits, List.of(), children, child);
    }

    /** The same field with this help text. */
    public FieldInfo withHelpText(String text) {
        return new FieldInfo(
                name, type, required, readOnly, label, Optional.of(text), limits, choices, children, child);
    }

    /**
     * The constraints of a value, each empty when the type has none.
     *
     * @param minLength {@code @Size(min)} of a string or list
     * @param maxLength {@code @Size(max)} of a string or list
     * @param minValue {@code @Min}, {@code @DecimalMin}, {@code @PositiveOrZero}...
     * @param maxValue {@code @Max}, {@code @DecimalMax}, {@code @NegativeOrZero}...
     */
    public record Limits(
            Optional<Integer> minLength,
            Optional<Integer> maxLength,
            Optional<Number> minValue,
            Optional<Number> maxValue) {

        /** No constraint at all. */
        public static final Limits NONE =
                new Limits(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * One choice of an enum field.
     *
     * @param value what is sent (the constant's name)
     * @param displayName what a person reads
     */
    public record Choice(String value, String displayName) {}
}
