package dev.portico.data.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code String} component that holds the row's public id: {@code prefix-} and 24 random hex digits
 * ({@code a-4f9c2a...}, 96 bits), generated on insert. A resource then addresses rows by it in URLs and
 * {@code Location}, so the internal sequence number need not be exposed (the model may leave {@code id} out).
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicId {
    /** The prefix, lower-case letters: {@code "u"} for users. */
    String value();
}
