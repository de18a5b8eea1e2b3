package dev.portico.admin;

import dev.portico.config.Naming;
import dev.portico.endpoint.Endpoint;
import dev.portico.error.ValidationFailed;
import dev.portico.http.HttpMethod;
import dev.portico.input.Fields;
import dev.portico.input.Omittable;
import dev.portico.input.Scalars;
import dev.portico.validation.InputValidator;
import jakarta.validation.constraints.Size;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The add/change form of a model, planned once from the resource's input record (what a client may write): a field
 * per component, decoded from the posted text and then checked by the same Bean Validation rules, with the same
 * sentences, as the API's JSON body. Nothing here reflects per request: the constructor is a method handle.
 */
final class FormPlan {
    private static final int TEXTAREA_ABOVE = 200;
    private final List<FormField> fields;
    private final MethodHandle constructor;
    private final InputValidator validator; // null when the record has no constraints
    private final Map<String, String> byClientName = new LinkedHashMap<>();
    /**
     * The admin's own HTML forms name their inputs by component; the validator names its errors by this rule, and
     * {@link #byClientName} maps them back. Any rule would do as long as both sides use it: the admin is not the API.
     */
    private static final Naming ERRORS = Naming.CAMEL_CASE;

    /** What a submitted form gave: the values to write by component, the text to show again, the errors by field. */
    record Submitted(Map<String, Object> values, Map<String, String> entered, Map<String, List<String>> errors) {}

    FormPlan(Class<?> input) {
        if (!input.isRecord()) {
            throw new IllegalArgumentException("admin: " + input.getName() + " is not a record");
        }
        RecordComponent[] components = input.getRecordComponents();
        List<FormField> planned = new ArrayList<>();
        for (RecordComponent rc : components) {
            planned.add(field(rc));
            byClientName.put(ERRORS.wireName(rc), rc.getName());
        }
        this.fields = List.copyOf(planned);
        this.constructor = constructor(input, components);
        Endpoint probe = Endpoint.builder(HttpMethod.POST, "/admin-form/")
                .body(input)
                .output(Void.class)
                .handle(r -> null)
                .build();
        this.validator = InputValidator.create(probe, ERRORS).orElse(null);
    }

    List<FormField> fields() {
        return fields;
    }

    /**
     * Reads the posted fields. An empty field is "not given": an {@code Optional} component stays empty, and on a
     * change ({@code clearing}) a nullable model field is then cleared; an unticked checkbox is {@code false}.
     */
    Submitted read(Map<String, String> posted) {
        Map<String, String> entered = new LinkedHashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Object[] arguments = new Object[fields.size()];
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField f = fields.get(i);
            String text = posted.getOrDefault(f.name(), "").strip();
            entered.put(f.name(), text);
            Object value = convert(f, text, errors);
            arguments[i] = argument(f, value);
            values.put(f.name(), value);
        }
        validate(arguments, errors);
        return new Submitted(values, entered, errors);
    }

    private static Object convert(FormField f, String text, Map<String, List<String>> errors) {
        if (f.widget() == FormField.Widget.CHECKBOX) {
            return !text.isEmpty();
        }
        if (text.isEmpty()) {
            if (f.required() && f.type() != String.class) {
                errors.put(f.name(), List.of("This field is required."));
            }
            return f.type() == String.class && !f.optional() ? "" : null;
        }
        try {
            return f.converter().convert(text);
        } catch (IllegalArgumentException e) {
            errors.put(f.name(), List.of(e.getMessage()));
            return null;
        }
    }

    private static Object argument(FormField f, Object value) {
        if (f.optional()) {
            return Optional.ofNullable(value);
        }
        return value;
    }

    private void validate(Object[] arguments, Map<String, List<String>> errors) {
        if (validator == null) {
            return;
        }
        try {
            Object record = constructor.invokeWithArguments(arguments);
            validator.validate(new Object[] {record});
        } catch (ValidationFailed e) {
            e.errors()
                    .forEach((path, sentences) ->
                            errors.putIfAbsent(byClientName.getOrDefault(head(path), head(path)), sentences));
        } catch (NullPointerException | ClassCastException e) {
            // a number that did not convert, for a primitive component: its own error is already there
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static String head(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static FormField field(RecordComponent rc) {
        Class<?> raw = rc.getType();
        if (raw == Omittable.class) {
            throw new IllegalArgumentException("admin: " + rc + " is Omittable; give the admin a create or update "
                    + "input of plain or Optional components");
        }
        boolean optional = raw == Optional.class;
        Class<?> type =
                optional ? typeArgument(rc) : MethodType.methodType(raw).wrap().returnType();
        Size size = annotation(rc, Size.class);
        int max = size != null && size.max() < Integer.MAX_VALUE ? size.max() : 0;
        if (optional && rc.getAnnotatedType() instanceof java.lang.reflect.AnnotatedParameterizedType p) {
            Size inner = p.getAnnotatedActualTypeArguments()[0].getAnnotation(Size.class);
            max = inner != null && inner.max() < Integer.MAX_VALUE ? inner.max() : max;
        }
        boolean required = !optional
                && (Fields.required(rc) || annotation(rc, jakarta.validation.constraints.NotBlank.class) != null);
        List<String> choices = type.isEnum()
                ? Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        .toList()
                : List.of();
        return new FormField(
                rc.getName(),
                Labels.humanise(rc.getName()),
                widget(type, max),
                required,
                max,
                choices,
                optional,
                type,
                Scalars.converter(type),
                Fields.description(rc).orElse(""));
    }

    /** A constraint where a record component may carry it: the component, its accessor, or its type (TYPE_USE). */
    private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent rc, Class<A> type) {
        A found = rc.getAnnotation(type);
        if (found == null) {
            found = rc.getAccessor().getAnnotation(type);
        }
        return found != null ? found : rc.getAnnotatedType().getAnnotation(type);
    }

    private static FormField.Widget widget(Class<?> type, int max) {
        if (type == Boolean.class) {
            return FormField.Widget.CHECKBOX;
        }
        if (type == LocalDate.class) {
            return FormField.Widget.DATE;
        }
        if (type.isEnum()) {
            return FormField.Widget.SELECT;
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
            return FormField.Widget.NUMBER;
        }
        return type == String.class && (max == 0 || max > TEXTAREA_ABOVE)
                ? FormField.Widget.TEXTAREA
                : FormField.Widget.TEXT;
    }

    private static Class<?> typeArgument(RecordComponent rc) {
        if (rc.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException("admin: " + rc + " needs a plain type argument");
    }

    private static MethodHandle constructor(Class<?> input, RecordComponent[] components) {
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            var ctor = input.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(ctor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("admin: cannot construct " + input.getName() + ": " + e.getMessage(), e);
        }
    }
}
