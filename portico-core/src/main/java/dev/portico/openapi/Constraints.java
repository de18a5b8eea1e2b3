package dev.portico.openapi;

import dev.portico.input.Fields;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries Jakarta Bean Validation constraints over to the schema, so the document states the limits the
 * validation stage enforces: {@code @Size} becomes {@code minLength}/{@code maxLength} on strings and
 * {@code minItems}/{@code maxItems} on arrays, {@code @Min}/{@code @Max} and their decimal and sign
 * variants become bounds, {@code @Pattern} a pattern, {@code @Email} {@code format: email} and
 * {@code @NotBlank}/{@code @NotEmpty} a minimum length of 1.
 */
final class Constraints {

    private Constraints() {}

    /** The annotations of a record component: its accessor's and its type's (where Jakarta's land). */
    static List<Annotation> of(RecordComponent component) {
        Map<Class<?>, Annotation> found = new LinkedHashMap<>();
        for (Annotation a : component.getAccessor().getAnnotations()) {
            found.putIfAbsent(a.annotationType(), a);
        }
        for (Annotation a : Fields.valueAnnotations(component.getAnnotatedType())) {
            found.putIfAbsent(a.annotationType(), a);
        }
        for (Annotation a : component.getAnnotations()) {
            found.putIfAbsent(a.annotationType(), a);
        }
        return new ArrayList<>(found.values());
    }

    /** Applies every constraint in {@code annotations} that means something for the schema's type. */
    static void apply(Schemas schemas, Schema<Object> schema, List<Annotation> annotations) {
        String type = schemas.type(schema);
        for (Annotation annotation : annotations) {
            switch (annotation) {
                case Size s -> size(schema, type, s.min(), s.max());
                case Min m when !"string".equals(type) -> schemas.minimum(schema, BigDecimal.valueOf(m.value()), false);
                case Max m when !"string".equals(type) -> schemas.maximum(schema, BigDecimal.valueOf(m.value()), false);
                case DecimalMin m
                when !"string".equals(type) -> schemas.minimum(schema, new BigDecimal(m.value()), !m.inclusive());
                case DecimalMax m
                when !"string".equals(type) -> schemas.maximum(schema, new BigDecimal(m.value()), !m.inclusive());
                case Positive p when !"string".equals(type) -> schemas.minimum(schema, BigDecimal.ZERO, true);
                case PositiveOrZero p when !"string".equals(type) -> schemas.minimum(schema, BigDecimal.ZERO, false);
                case Negative n when !"string".equals(type) -> schemas.maximum(schema, BigDecimal.ZERO, true);
                case NegativeOrZero n when !"string".equals(type) -> schemas.maximum(schema, BigDecimal.ZERO, false);
                case Pattern p -> schema.pattern(p.regexp());
                case Email e -> schema.format("email");
                case Digits d
                when "string".equals(type) ->
                    schema.pattern("^-?\\d{0," + d.integer() + "}(?:\\.\\d{0," + d.fraction()
                            + "})?$"); // a decimal written as a string: drf-spectacular's pattern
                case NotBlank n -> size(schema, type, 1, Integer.MAX_VALUE);
                case NotEmpty n -> size(schema, type, 1, Integer.MAX_VALUE);
                default -> {}
            }
        }
    }

    private static void size(Schema<Object> schema, String type, int min, int max) {
        Integer lower = min > 0 ? min : null;
        Integer upper = max < Integer.MAX_VALUE ? max : null;
        if ("array".equals(type)) {
            schema.minItems(lower != null ? lower : schema.getMinItems());
            schema.maxItems(upper != null ? upper : schema.getMaxItems());
        } else if ("object".equals(type)) {
            schema.minProperties(lower != null ? lower : schema.getMinProperties());
            schema.maxProperties(upper != null ? upper : schema.getMaxProperties());
        } else if ("string".equals(type)) {
            schema.minLength(lower != null ? lower : schema.getMinLength());
            schema.maxLength(upper != null ? upper : schema.getMaxLength());
        }
    }
}
