package dev.portico.validation;

import jakarta.validation.MessageInterpolator;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Picks DRF's sentence where one Jakarta message stands for several: {@code @Size} says "no more than
 * {max} characters" or "at least {min} elements" depending on the value and the bound it broke,
 * {@code @NotEmpty} on a list says "This list may not be empty.", {@code @DecimalMin(inclusive = false)}
 * says "greater than". Only the constraints' default templates are retargeted, so a message the user wrote
 * on the annotation always wins. The sentences themselves are in {@code ContributorValidationMessages.properties},
 * where a user's {@code ValidationMessages.properties} overrides them key by key.
 */
final class Messages implements MessageInterpolator {
    private static final String PREFIX = "{jakarta.validation.constraints.";
    private static final String SIZE = PREFIX + "Size.message}";
    private static final String NOT_EMPTY = PREFIX + "NotEmpty.message}";
    private static final String NOT_BLANK = PREFIX + "NotBlank.message}";
    private static final String NOT_NULL = PREFIX + "NotNull.message}";
    private static final String DECIMAL_MIN = PREFIX + "DecimalMin.message}";
    private static final String DECIMAL_MAX = PREFIX + "DecimalMax.message}";
    private static final String OWN = "{dev.portico.validation.";

    private final MessageInterpolator delegate;

    Messages(MessageInterpolator delegate) {
        this.delegate = delegate;
    }

    @Override
    public String interpolate(String template, Context context) {
        return delegate.interpolate(retarget(template, context), context);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        return delegate.interpolate(retarget(template, context), context, locale);
    }

    private static String retarget(String template, Context context) {
        if (!template.startsWith(PREFIX)) {
            return template;
        }
        Object value = context.getValidatedValue();
        return switch (template) {
            case SIZE -> size(value, context.getConstraintDescriptor().getAttributes());
            case NOT_EMPTY ->
                value == null
                        ? NOT_NULL
                        : value instanceof CharSequence
                                ? NOT_BLANK
                                : value instanceof Map<?, ?> ? OWN + "NotEmpty.map}" : OWN + "NotEmpty.list}";
            case NOT_BLANK -> value == null ? NOT_NULL : template;
            case DECIMAL_MIN, DECIMAL_MAX ->
                Boolean.FALSE.equals(context.getConstraintDescriptor()
                                .getAttributes()
                                .get("inclusive"))
                        ? OWN + template.substring(PREFIX.length(), template.indexOf('.', PREFIX.length()))
                                + ".exclusive}"
                        : template;
            default -> template;
        };
    }

    private static String size(Object value, Map<String, Object> attributes) {
        int length = length(value);
        if (length < 0) {
            return SIZE;
        }
        String unit = value instanceof CharSequence ? "characters" : "elements";
        String bound = length > (Integer) attributes.get("max") ? "max" : "min";
        return OWN + "Size." + bound + "." + unit + "}";
    }

    private static int length(Object value) {
        return switch (value) {
            case CharSequence s -> s.length();
            case Collection<?> c -> c.size();
            case Map<?, ?> m -> m.size();
            case null -> -1;
            default -> value.getClass().isArray() ? Array.getLength(value) : -1;
        };
    }
}
