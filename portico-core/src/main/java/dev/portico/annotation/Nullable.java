package dev.portico.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component (or parameter) that may be absent or null. Without it a record component is
 * required and non-null unless its type is {@code Optional}: decoding reports a missing one as
 * "This field is required.", and the schema lists it under {@code required}. Any annotation whose simple
 * name is {@code Nullable} (JSpecify, Jakarta) counts the same; see {@code dev.portico.input.Fields}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Nullable {}
