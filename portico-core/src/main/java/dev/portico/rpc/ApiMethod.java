package dev.portico.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public instance method of an {@link ApiModule} an API method. Its name on the wire is the Java name in
 * snake_case ({@code describeSite} is {@code describe_site}) unless {@link #name()} says otherwise. The first
 * parameter may be the caller (a {@link dev.portico.http.Principal} type, or {@code Optional} of one); the others
 * are the call's arguments, by their Java names (compile with {@code -parameters}). An argument is required unless
 * it is {@code Optional}, {@code Omittable} or {@link dev.portico.annotation.Nullable}. The return value is the JSON
 * answer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiMethod {
    /** The method's name on the wire; empty for the Java name in snake_case. */
    String name() default "";

    /** The OpenAPI summary; empty for none. */
    String summary() default "";

    /** The OpenAPI description; empty for none. */
    String description() default "";
}
