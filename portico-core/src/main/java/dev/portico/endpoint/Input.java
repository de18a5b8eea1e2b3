package dev.portico.endpoint;

import dev.portico.http.Principal;
import dev.portico.router.ParamType;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

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

    /**
     * The caller: {@link dev.portico.http.Request#principal()} as a {@link Principal} or one of its subtypes (an
     * authentication module's {@code User}). {@code Optional<X>} is empty for an anonymous request; a plain
     * {@code X} needs a caller (401 with the endpoint's challenge otherwise). Not a parameter of the document.
     *
     * @param type {@code X} or {@code Optional<X>}, where {@code X} is {@code Principal} or a subtype
     */
    record Caller(Type type) implements Input {

        /** Checks that {@code type} is a principal type or an {@code Optional} of one. */
        public Caller {
            if (principalType(type).isEmpty()) {
                throw new IllegalArgumentException(type.getTypeName() + " is not a caller type; declare "
                        + "Principal, a type implementing it, or Optional of one");
            }
        }

        /** The principal type {@code type} receives, or empty when it is not a caller type. */
        public static Optional<Class<? extends Principal>> principalType(Type type) {
            Type element = type;
            if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
                element = p.getActualTypeArguments()[0];
            }
            if (element instanceof Class<?> c && Principal.class.isAssignableFrom(c)) {
                return Optional.of(c.asSubclass(Principal.class));
            }
            return Optional.empty();
        }

        /** The principal type the value must be. */
        public Class<? extends Principal> principalType() {
            return principalType(type).orElseThrow();
        }

        /** Whether an anonymous request binds an empty {@code Optional} rather than failing. */
        public boolean optional() {
            return type instanceof ParameterizedType;
        }

        @Override
        public String name() {
            return "caller";
        }

        @Override
        public List<Annotation> annotations() {
            return List.of();
        }
    }

    /**
     * The named arguments of an API method ({@code dev.portico.rpc}), all read by the one form decoder from the
     * fields of the call: the query string and the urlencoded or multipart body, or the query string and a JSON
     * object, with the endpoint's credential fields ({@code authorisation}, {@code csrf_token}) left out. Bound as
     * one {@code Object[]}, in the order of {@link #arguments()}.
     *
     * @param arguments the arguments, in order
     * @param resolvers the models sent by their public id
     */
    record Arguments(List<Argument> arguments, List<dev.portico.form.IdResolver<?>> resolvers) implements Input {

        /** Copies the lists. */
        public Arguments {
            arguments = List.copyOf(arguments);
            resolvers = List.copyOf(resolvers);
        }

        @Override
        public String name() {
            return "arguments";
        }

        @Override
        public Type type() {
            return Object[].class;
        }

        @Override
        public List<Annotation> annotations() {
            return List.of();
        }

        /** The resolver of a model type, if it is one. */
        public Optional<dev.portico.form.IdResolver<?>> resolver(Type type) {
            return resolvers.stream().filter(r -> r.type() == type).findFirst();
        }

        /** Whether any argument holds an uploaded file, so the call must be multipart. */
        public boolean takesFiles() {
            return arguments.stream().anyMatch(a -> BodyMediaTypes.holdsFile(a.type()));
        }
    }

    /**
     * One argument of an API method.
     *
     * @param name the name it is sent under (the Java parameter's)
     * @param type its type, generics included
     * @param required whether it must be sent: not {@code Optional}, {@code Omittable} or {@code @Nullable}
     * @param annotations the annotations of the parameter
     */
    record Argument(String name, Type type, boolean required, List<Annotation> annotations) {

        /** Copies the annotations. */
        public Argument {
            annotations = List.copyOf(annotations);
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
