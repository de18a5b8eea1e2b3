package dev.portico.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose {@link ApiMethod} methods are served under {@code POST /api/<module>/<method_name>}. A module is
 * registered explicitly with {@link Api.Builder#module(Object)}; there is no classpath scanning.
 * <pre>{@code
 * @ApiModule("home")
 * public final class Home {
 *     @ApiMethod public SiteDescription describeSite(Caller caller) { ... }   // POST /api/home/describe_site
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiModule {
    /** The module's name, the first segment after the prefix: lower case letters, digits and {@code _}. */
    String value();
}
