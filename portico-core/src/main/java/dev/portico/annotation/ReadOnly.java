package dev.portico.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that the server sets and clients only read (an id, {@code createdAt}). It is
 * written in responses and refused in request bodies, so it cannot be mass-assigned; the schema documents
 * it as {@code readOnly} and splits request and response components where this matters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ReadOnly {}
