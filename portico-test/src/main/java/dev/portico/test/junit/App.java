package dev.portico.test.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method of a {@link PorticoTest} class that builds its application: static (or an instance method under
 * {@code @TestInstance(PER_CLASS)}), returning a {@code Portico} or a {@code Portico.Builder}, with any of the
 * parameters {@link TestSetup} and {@link dev.portico.test.MutableClock}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface App {}
