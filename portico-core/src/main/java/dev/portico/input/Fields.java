package dev.portico.input;

import dev.portico.annotation.ReadOnly;
import dev.portico.annotation.WriteOnly;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The one rule for which record components are required, read-only or write-only. Decoding (JSON, forms),
 * validation and the OpenAPI document all ask here, so they cannot disagree; the name clients use for a component is
 * {@link dev.portico.config.Naming}'s. Called at startup only.
 */
public final class Fields {

    private Fields() {}

    /**
     * Whether a component must be present and non-null: true unless its type is an {@code Optional}, a
     * {@code java.util.Optional*} or an {@link Omittable}, or it carries an annotation named {@code Nullable}
     * (Portico's, JSpecify's, Jakarta's).
     */
    public static boolean required(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == Optional.class
                || type == OptionalInt.class
                || type == OptionalLong.class
                || type == OptionalDouble.class
                || type == Omittable.class) {
            return false;
        }
        return !nullable(component) && !nullable(component.getAccessor());
    }

    /** Whether the element carries an annotation (on the declaration or its type) named {@code Nullable}. */
    public static boolean nullable(AnnotatedElement element) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        if (element instanceof RecordComponent rc) {
            for (Annotation a : rc.getAnnotatedType().getAnnotations()) {
                if (a.annotationType().getSimpleName().equals("Nullable")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The type-use annotations that constrain the value itself: those on {@code type}, and for
     * {@code Optional<@Size(max = 9) String>} (or {@code Omittable<...>}) those on the type argument, since an
     * optional value is documented and checked as the value it holds. Those on a {@code List}'s element type
     * stay with the elements.
     */
    public static List<Annotation> valueAnnotations(AnnotatedType type) {
        List<Annotation> found = new ArrayList<>(List.of(type.getAnnotations()));
        if (type instanceof AnnotatedParameterizedType p
                && p.getType() instanceof ParameterizedType raw
                && (raw.getRawType() == Optional.class || raw.getRawType() == Omittable.class)) {
            found.addAll(List.of(p.getAnnotatedActualTypeArguments()[0].getAnnotations()));
        }
        return found;
    }

    /**
     * What the component means, in one sentence for the reader: Jackson's {@code @JsonPropertyDescription} on it
     * (Java puts that annotation on the record's accessor and field), the annotation Jackson's own schema tools
     * read. The OpenAPI property, OPTIONS' {@code help_text}, the browsable API's and the admin's forms show it.
     */
    public static java.util.Optional<String> description(RecordComponent component) {
        com.fasterxml.jackson.annotation.JsonPropertyDescription d =
                component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonPropertyDescription.class);
        return d == null || d.value().isBlank()
                ? java.util.Optional.empty()
                : java.util.Optional.of(d.value().strip());
    }

    /** Whether the component is set by the server only ({@link ReadOnly}). */
    public static boolean readOnly(RecordComponent component) {
        return component.isAnnotationPresent(ReadOnly.class)
                || component.getAccessor().isAnnotationPresent(ReadOnly.class);
    }

    /** Whether the component is sent by clients only ({@link WriteOnly}). */
    public static boolean writeOnly(RecordComponent component) {
        return component.isAnnotationPresent(WriteOnly.class)
                || component.getAccessor().isAnnotationPresent(WriteOnly.class);
    }
}
