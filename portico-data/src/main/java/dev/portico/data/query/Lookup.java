package dev.portico.data.query;

import java.lang.invoke.MethodType;
import java.util.UUID;

/**
 * The comparisons a filter parameter may ask for, spelled as django-filter's lookups: {@code field} is
 * {@link #EXACT}, {@code field__gt} is {@link #GT}, and so on.
 */
public enum Lookup {
    /** {@code field=value}: equal. */
    EXACT(""),
    /** {@code field__gt=value}: greater than. */
    GT("gt"),
    /** {@code field__gte=value}: greater than or equal. */
    GTE("gte"),
    /** {@code field__lt=value}: less than. */
    LT("lt"),
    /** {@code field__lte=value}: less than or equal. */
    LTE("lte"),
    /** {@code field__icontains=text}: contains the text, ignoring case; text fields only. */
    ICONTAINS("icontains"),
    /** {@code field__in=a,b,c}: equal to one of the comma-separated values. */
    IN("in"),
    /** {@code field__isnull=true}: is (or with {@code false}, is not) SQL NULL. */
    ISNULL("isnull");

    private final String suffix;

    Lookup(String suffix) {
        this.suffix = suffix;
    }

    /** The suffix after {@code __}, empty for {@link #EXACT}. */
    public String suffix() {
        return suffix;
    }

    /** The query parameter that asks for this lookup on {@code field}: {@code salary__gte}. */
    public String parameter(String field) {
        return suffix.isEmpty() ? field : field + "__" + suffix;
    }

    /** Whether the lookup makes sense for a field of this Java type (ranges need an order, icontains text). */
    boolean appliesTo(Class<?> type) {
        Class<?> boxed = MethodType.methodType(type).wrap().returnType();
        return switch (this) {
            case ICONTAINS -> boxed == String.class;
            case GT, GTE, LT, LTE ->
                Comparable.class.isAssignableFrom(boxed)
                        && boxed != Boolean.class
                        && boxed != UUID.class
                        && !boxed.isEnum();
            case EXACT, IN, ISNULL -> true;
        };
    }
}
