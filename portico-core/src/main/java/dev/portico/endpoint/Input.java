package dev.portico.endpoint;

import dev.portico.router.ParamType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * One declared input of an endpoint. The input stage binds each to a value before the endpoint runs, the
 * validation stage checks it, and the OpenAPI generator documents it; all three read this same description.
 *
 * <p>{@link #annotations()} are the annotations of the declaring parameter (Bean Validation constraints
 * such as {@code @Min(1)}, documentation hints): empty for functional routes unless given.
 */
public sealed interface Input {

    /** The name the input is known by (the parameter, header or cookie name; {@code body} for the body). */
    String name();

    /** The Java type the value is bound to, generics included. */
    Type type();

    /** The annotations of the declaring parameter; empty when there is none. */
    List<Annotation> annotations();

    /** A path parameter; its value arrives converted by the router. */
    record Path(String name, ParamType paramType, Type type, List<Annotation> annotations) implements Input {

        /** A path parameter without annotations. */
        public Path(String name, ParamType paramType, Type type) {
            this(name, paramType, type, List.of());
        }
    }

    /**
     * A query parameter. {@code Optional<T>} and {@code List<T>} types make it optional; otherwise it is
     * required unless it has a default ({@code null} when none).
     */
    record Query(String name, Type type, String defaultValue, List<Annotation> annotations) implements Input {

        /** A query parameter without annotations. */
        public Query(String name, Type type, String defaultValue) {
            this(name, type, defaultValue, List.of());
        }
    }

    /** A request header, by its case-insensitive name. */
    record Header(String name, Type type, String defaultValue, List<Annotation> annotations) implements Input {

        /** A header without annotations. */
        public Header(String name, Type type, String defaultValue) {
            this(name, type, defaultValue, List.of());
        }
    }

    /** A cookie of the request, by its exact name. */
    record Cookie(String name, Type type, String defaultValue, List<Annotation> annotations) implements Input {

        /** A cookie without annotations. */
        public Cookie(String name, Type type, String defaultValue) {
            this(name, type, defaultValue, List.of());
        }
    }

    /** The request body, decoded from one of {@code mediaTypes}. */
    record Body(Type type, List<String> mediaTypes, List<Annotation> annotations) implements Input {

        /** A body without annotations. */
        public Body(Type type, List<String> mediaTypes) {
            this(type, mediaTypes, List.of());
        }

        @Override
        public String name() {
            return "body";
        }
    }

    /** The request itself, for handlers that want headers, the principal or the raw body. */
    record Context() implements Input {

        @Override
        public String name() {
            return "request";
        }

        @Override
        public Type type() {
            return dev.portico.http.Request.class;
        }

        @Override
        public List<Annotation> annotations() {
            return List.of();
        }
    }
}
