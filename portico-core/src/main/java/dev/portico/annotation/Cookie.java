package dev.portico.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds a controller method parameter to a request cookie (by default of the same name). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Cookie {

    /** The cookie's name; the Java parameter's name when empty. */
    String value() default "";

    /** The value used when the parameter is absent; none when empty. */
    String defaultValue() default "";
}
