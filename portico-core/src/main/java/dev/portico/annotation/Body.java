package dev.portico.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller method parameter to the request body. Optional on POST, PUT and PATCH methods, where
 * the one parameter that is not a path parameter, a query parameter, a header or the request is the body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Body {

    /**
     * The media types the body may arrive in; when empty (the default), those of
     * {@code EndpointBuilder.body(Type)}: JSON and both forms for a record, multipart for one with a file.
     */
    String[] consumes() default {};
}
