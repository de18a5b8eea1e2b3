package dev.portico.endpoint;

import dev.portico.router.ParamType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * One declared input of an endpoint. The input stage binds each to a value before the endpoint runs, and
 * the OpenAPI generator documents each; both read this same description.
 */
public sealed interface Input {

    /** The name the input is known by (the parameter or header name; {@code body} for the body). */
    String name();

    /** The Java type the value is bound to. */
    Type type();

    /** A path parameter; its value arrives converted by the router. */
    record Path(String name, ParamType paramType, Type type) implements Input {
    }

    /**
     * A query parameter. {@code Optional<T>} and {@code List<T>} types make it optional; otherwise it is
     * required unless it has a default.
     */
    record Query(String name, Type type, String defaultValue) implements Input {
    }

    /** A request header, by its case-insensitive name. */
    record Header(String name, Type type, String defaultValue) implements Input {
    }

    /** The request body, decoded from one of {@code mediaTypes}. */
    record Body(Type type, List<String> mediaTypes) implements Input {

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
    }
}
