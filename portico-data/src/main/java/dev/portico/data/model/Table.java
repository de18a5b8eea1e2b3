package dev.portico.data.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The table of a model record, when it is not the snake_case plural of the class name ({@code BlogPost} → {@code blog_posts}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Table {
    /** The table name, a plain SQL identifier. */
    String value();
}
