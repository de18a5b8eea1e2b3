package dev.portico.admin;

import dev.portico.input.Scalars;
import java.util.List;

/**
 * One field of an add/change form, planned once at startup from a component of the resource's input record: its
 * widget, label, whether it is required, its longest length and how its text becomes a value.
 *
 * @param name the component's name, which is also the form field's name and the model component it writes
 * @param label the label shown ({@code publishDate} → {@code Publish date})
 * @param widget how it is entered
 * @param required whether it must be filled in
 * @param maxLength the longest text, or 0 for no limit
 * @param choices the options of a {@link Widget#SELECT} (an enum's constants), else empty
 * @param optional whether the component is an {@code Optional} (an empty field writes nothing)
 * @param type the value's class, boxed
 * @param converter text to value, throwing {@link IllegalArgumentException} with DRF's sentence
 * @param description what the field means, as its OpenAPI property says ({@code @JsonPropertyDescription}), or ""
 */
record FormField(
        String name,
        String label,
        Widget widget,
        boolean required,
        int maxLength,
        List<String> choices,
        boolean optional,
        Class<?> type,
        Scalars.Converter converter,
        String description) {

    /** The help under the field: its description, then its longest length in words; "" when neither. */
    String help() {
        String limit = maxLength > 0 ? "At most " + maxLength + " characters." : "";
        return (description.isEmpty() || description.endsWith(".") ? description : description + ".")
                .concat(description.isEmpty() || limit.isEmpty() ? "" : " ")
                .concat(limit);
    }

    /** The HTML control of a field. */
    enum Widget {
        TEXT,
        TEXTAREA,
        CHECKBOX,
        DATE,
        NUMBER,
        SELECT
    }
}
