package dev.portico.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documentation overrides for a controller method; every member left empty keeps the derived value. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Operation {

    /** The operationId. */
    String id() default "";

    /** The tags. */
    String[] tags() default {};

    /** The summary. */
    String summary() default "";

    /** The description. */
    String description() default "";

    /** Whether the operation is deprecated. */
    boolean deprecated() default false;

    /** The base of the derived operationId ({@code Article} gives {@code retrieveArticle}). */
    String idBase() default "";

    /** The component name of the endpoint's record instead of the Java type's simple name. */
    String componentName() default "";
}
