package dev.portico.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a class could carry a Jakarta constraint or {@code @Valid}, read from its annotations alone: asking
 * Hibernate Validator builds the class's whole metadata, which was a sixth of the example's start-up for the many
 * records that have nothing to check. The answer errs towards yes: an annotation it cannot place (a constraint, a
 * list of them, {@code @Valid}, on the class, a field, a method, a constructor's parameter or inside a field's type
 * such as {@code List<@NotBlank String>}, in the class or the interfaces it implements) sends the class to the
 * validator, which decides.
 */
final class ConstraintScan {

    private ConstraintScan() {}

    /** True unless no constraint or {@code @Valid} is declared on {@code type}, its members or its interfaces. */
    static boolean mayConstrain(Class<?> type) {
        return mayConstrain(type, new HashSet<>());
    }

    private static boolean mayConstrain(Class<?> type, Set<Class<?>> seen) {
        if (type == null || type == Object.class || type == Record.class || !seen.add(type)) {
            return false;
        }
        if (any(type.getDeclaredAnnotations())) {
            return true;
        }
        for (Field field : type.getDeclaredFields()) {
            if (any(field.getDeclaredAnnotations()) || inType(field.getAnnotatedType())) {
                return true;
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (any(method.getDeclaredAnnotations())
                    || inType(method.getAnnotatedReturnType())
                    || inParameters(method.getParameters())) {
                return true;
            }
        }
        for (var constructor : type.getDeclaredConstructors()) {
            if (any(constructor.getDeclaredAnnotations()) || inParameters(constructor.getParameters())) {
                return true;
            }
        }
        for (Class<?> face : type.getInterfaces()) {
            if (mayConstrain(face, seen)) {
                return true;
            }
        }
        return mayConstrain(type.getSuperclass(), seen);
    }

    private static boolean inParameters(Parameter[] parameters) {
        for (Parameter parameter : parameters) {
            if (any(parameter.getDeclaredAnnotations()) || inType(parameter.getAnnotatedType())) {
                return true;
            }
        }
        return false;
    }

    /** Type-use annotations anywhere in {@code type}: its own, its type arguments', its elements', its bounds'. */
    private static boolean inType(AnnotatedType type) {
        if (type == null) {
            return false;
        }
        if (any(type.getDeclaredAnnotations())) {
            return true;
        }
        if (type instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType argument : p.getAnnotatedActualTypeArguments()) {
                if (inType(argument)) {
                    return true;
                }
            }
        } else if (type instanceof AnnotatedArrayType array) {
            return inType(array.getAnnotatedGenericComponentType());
        } else if (type instanceof AnnotatedWildcardType wildcard) {
            for (AnnotatedType bound : wildcard.getAnnotatedUpperBounds()) {
                if (inType(bound)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean any(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (constraintLike(annotation.annotationType())) {
                return true;
            }
        }
        return false;
    }

    /** A constraint, {@code @Valid}, or a container of constraints ({@code @NotBlank.List}, a user's own list). */
    private static boolean constraintLike(Class<? extends Annotation> annotation) {
        if (annotation == Valid.class || annotation.isAnnotationPresent(Constraint.class)) {
            return true;
        }
        try {
            Class<?> value = annotation.getMethod("value").getReturnType();
            return value.isArray()
                    && value.getComponentType().isAnnotation()
                    && value.getComponentType().isAnnotationPresent(Constraint.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
