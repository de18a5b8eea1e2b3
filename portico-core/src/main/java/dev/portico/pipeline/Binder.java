package dev.portico.pipeline;

import dev.portico.auth.Refusal;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import dev.portico.error.UnsupportedMediaType;
import dev.portico.error.ValidationFailed;
import dev.portico.form.FormDecoder;
import dev.portico.http.FormData;
import dev.portico.http.MediaType;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.input.PartlyRead;
import dev.portico.input.Scalars;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The binding plan of one endpoint, computed once at startup: for each declared input, how its value is
 * taken from the request and converted. {@link #bind} runs the plan and reports every problem at once,
 * each under its name, as a {@link ValidationFailed}.
 */
public final class Binder {
    private static final String REQUIRED = "This field is required.";

    private final Binding[] bindings;
    private final String[] names;

    private Binder(Binding[] bindings, String[] names) {
        this.bindings = bindings;
        this.names = names;
    }

    /**
     * The plan for {@code endpoint}, taken to have no authenticators; fails at startup for an input type that cannot
     * be bound.
     */
    public static Binder create(Endpoint endpoint, BodyReaders readers) {
        return create(endpoint, readers, Set.of(), Refusal.none());
    }

    /**
     * The plan for {@code endpoint}, whose form bodies leave out {@code credentialFields}: the fields its
     * authenticators read ({@code authorisation}, {@code csrf_token}), which are the pipeline's, not the endpoint's
     * input, so they are neither bound nor refused as unknown. A required caller parameter left without one is
     * refused by {@code refusal}, the endpoint's rule.
     */
    public static Binder create(Endpoint endpoint, BodyReaders readers, Set<String> credentialFields, Refusal refusal) {
        List<Input> inputs = endpoint.inputs();
        Binding[] bindings = new Binding[inputs.size()];
        String[] names = new String[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            names[i] = input.name();
            bindings[i] = switch (input) {
                case Input.Path path -> request -> request.pathParam(path.name(), Object.class);
                case Input.Query query ->
                    Scalars.isScalar(query.type())
                            ? text(
                                    query.type(),
                                    query.defaultValue(),
                                    endpoint,
                                    request -> request.queryAll(query.name()))
                            : structuredQuery(query, endpoint, readers.naming());
                case Input.Header header ->
                    text(
                            header.type(),
                            header.defaultValue(),
                            endpoint,
                            Scalars.isList(header.type())
                                    ? request -> commaSeparated(request.headers(header.name()))
                                    : request -> request.headers(header.name()));
                case Input.Cookie cookie ->
                    text(
                            singleCookie(cookie, endpoint),
                            cookie.defaultValue(),
                            endpoint,
                            request ->
                                    request.cookie(cookie.name()).map(List::of).orElse(List.of()));
                case Input.Body body -> body(body, readers, endpoint, credentialFields);
                case Input.Arguments arguments ->
                    readers.arguments(arguments, endpoint.describe(), credentialFields)::read;
                case Input.Context context -> request -> request;
                case Input.Caller caller -> caller(caller, endpoint, refusal);
            };
        }
        return new Binder(bindings, names);
    }

    /** Whether the endpoint has nothing to bind, so the stage can be left out. */
    public boolean isEmpty() {
        return bindings.length == 0;
    }

    /** The bound values, in the endpoint's input order; every failure reported together. */
    public Object[] bind(Request request) throws Exception {
        Bound bound = bindEach(request);
        if (bound.errors() != null) {
            throw new ValidationFailed(bound.errors(), bound.omitted());
        }
        return bound.values();
    }

    /**
     * Binds every input it can and collects the failures of the others, so that the validation stage can
     * still check the inputs that did bind and report everything in one answer.
     *
     * @return the values (null where {@code failed}), and the errors, or null when every input bound
     */
    public Bound bindEach(Request request) throws Exception {
        Object[] values = new Object[bindings.length];
        Map<String, List<String>> errors = null;
        boolean[] failed = null;
        int omitted = 0;
        for (int i = 0; i < bindings.length; i++) {
            try {
                values[i] = bindings[i].bind(request);
                continue;
            } catch (ValidationFailed e) {
                errors = merge(errors, e.errors());
                omitted += e.omitted();
                if (e instanceof FormDecoder.PartlyDecoded || e instanceof PartlyRead) {
                    values[i] = e; // the arguments or body fields that did decode, for the validator to check
                }
            } catch (FieldError e) {
                errors = merge(errors, Map.of(names[i], List.of(e.getMessage())));
            }
            failed = failed == null ? new boolean[bindings.length] : failed;
            failed[i] = true;
        }
        return new Bound(values, errors, failed, omitted);
    }

    /**
     * The outcome of {@link #bindEach}.
     *
     * @param values the bound values in input order, null for the inputs that failed (but an API method's
     *               arguments that partly decoded: their {@link FormDecoder.PartlyDecoded}; a record body that
     *               partly read: its {@link PartlyRead})
     * @param errors the binding errors by dotted path; null when every input bound
     * @param failed which inputs failed; null when none did
     * @param omitted the binding errors counted but not kept ({@code limits.error-entries})
     */
    public record Bound(Object[] values, Map<String, List<String>> errors, boolean[] failed, int omitted) {}

    private static Map<String, List<String>> merge(Map<String, List<String>> into, Map<String, List<String>> errors) {
        Map<String, List<String>> map = into == null ? new LinkedHashMap<>() : into;
        errors.forEach((path, messages) ->
                map.computeIfAbsent(path, k -> new ArrayList<>()).addAll(messages));
        return map;
    }

    @FunctionalInterface
    private interface Binding {
        Object bind(Request request) throws Exception;
    }

    @FunctionalInterface
    private interface Texts {
        List<String> of(Request request);
    }

    /** A conversion failure of one named input; cheap, no stack trace. */
    private static final class FieldError extends RuntimeException {
        FieldError(String message) {
            super(message, null, false, false);
        }
    }

    private static Binding text(Type type, String defaultValue, Endpoint endpoint, Texts source) {
        Type element = Scalars.unwrap(type);
        if (!(element instanceof Class<?> elementClass) || !Scalars.isScalar(type)) {
            throw new IllegalArgumentException(endpoint.describe() + ": " + type.getTypeName()
                    + " cannot be read from a query parameter, header or cookie; use a single value, Optional or List"
                    + " (a query parameter may also be a record or Map, read from name.field=...)");
        }
        Scalars.Converter converter = Scalars.converter(elementClass);
        boolean list = Scalars.isList(type);
        boolean optional = Scalars.isOptional(type);
        Object preset = preset(converter, defaultValue, list, optional, endpoint);
        boolean shared = elementClass != byte[].class; // an array is the one scalar a request could change
        return request -> {
            List<String> texts = source.of(request);
            if (texts.isEmpty() && defaultValue != null) {
                if (shared) {
                    return preset;
                }
                texts = List.of(defaultValue);
            }
            if (list) {
                List<Object> out = new ArrayList<>(texts.size());
                for (String t : texts) {
                    out.add(convert(converter, t));
                }
                return List.copyOf(out);
            }
            if (texts.isEmpty()) {
                if (optional) {
                    return Optional.empty();
                }
                throw new FieldError(REQUIRED);
            }
            Object value = convert(converter, texts.get(0));
            return optional ? Optional.of(value) : value;
        };
    }

    /**
     * The value a default gives, converted once at startup: the same for every request that leaves the input out (every
     * scalar type but {@code byte[]} is immutable), and a default its type cannot read fails the build, not every request with a 400.
     */
    private static Object preset(
            Scalars.Converter converter, String defaultValue, boolean list, boolean optional, Endpoint endpoint) {
        if (defaultValue == null) {
            return null;
        }
        Object value;
        try {
            value = converter.convert(defaultValue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(endpoint.describe() + ": the default '" + defaultValue
                    + "' cannot be read as its input's type (" + e.getMessage() + "); give a default of that type");
        }
        return list ? List.of(value) : optional ? Optional.of(value) : value;
    }

    /** A cookie carries one value; a {@code List} type would silently see only the first. */
    private static Type singleCookie(Input.Cookie cookie, Endpoint endpoint) {
        if (Scalars.isList(cookie.type())) {
            throw new IllegalArgumentException(endpoint.describe() + ": cookie '" + cookie.name()
                    + "' is declared as a List, but a cookie carries one value; declare a single value or Optional");
        }
        return cookie.type();
    }

    /** A list header's values: each line, split at its commas ({@code X-Ids: 1, 2}), as OpenAPI's simple style. */
    private static List<String> commaSeparated(List<String> lines) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            for (String value : line.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    /** A record or map query input named {@code filter}, bound from {@code filter.*} by the one form decoder. */
    private static Binding structuredQuery(Input.Query query, Endpoint endpoint, dev.portico.config.Naming naming) {
        FormDecoder decoder;
        try {
            decoder = FormDecoder.of(query.type(), java.util.List.of(), naming);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    endpoint.describe() + ": " + query.type().getTypeName()
                            + " cannot be read from a query parameter ('" + query.name() + "'): " + e.getMessage()
                            + "; use a single value, Optional, List, or a record or Map read from " + query.name()
                            + ".field=...",
                    e);
        }
        String name = query.name();
        String prefix = name + ".";
        return request -> {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (String field : request.queryNames()) {
                if (field.equals(name) || field.startsWith(prefix)) {
                    fields.put(field, request.queryAll(field));
                }
            }
            return decoder.decode(FormData.of(fields), name);
        };
    }

    private static Object convert(Scalars.Converter converter, String text) {
        try {
            return converter.convert(text);
        } catch (IllegalArgumentException e) {
            throw new FieldError(e.getMessage());
        }
    }

    /**
     * The caller, checked against the declared type: an anonymous request is the endpoint's refusal for a required
     * caller ({@link Refusal}); a principal of another type is a misconfiguration, a 500 that the log explains.
     */
    private static Binding caller(Input.Caller caller, Endpoint endpoint, Refusal refusal) {
        Class<? extends Principal> type = caller.principalType();
        boolean optional = caller.optional();
        return request -> {
            Optional<Principal> principal = request.principal();
            if (principal.isEmpty()) {
                if (optional) {
                    return principal;
                }
                throw refusal.refuse(request);
            }
            if (!type.isInstance(principal.get())) {
                throw new IllegalStateException(endpoint.describe() + " takes its caller as " + type.getName()
                        + ", but an authenticator returned a "
                        + principal.get().getClass().getName()
                        + "; declare the parameter as a type every authenticator of the endpoint returns (Principal"
                        + " always works), or give the endpoint only authenticators returning " + type.getSimpleName());
            }
            return optional ? principal : principal.get();
        };
    }

    private static Binding body(Input.Body body, BodyReaders readers, Endpoint endpoint, Set<String> credentialFields) {
        Map<String, BodyReader> byType = new HashMap<>();
        for (String mediaType : body.mediaTypes()) {
            byType.put(mediaType, readers.reader(body.type(), mediaType, endpoint.describe(), credentialFields));
        }
        BodyReader only = byType.size() == 1 ? byType.values().iterator().next() : null;
        String onlyType = only == null ? null : body.mediaTypes().get(0);
        return request -> {
            String contentType = request.contentType().orElse("");
            String essence = contentType.isEmpty() ? "" : MediaType.essence(contentType);
            BodyReader reader = onlyType != null ? (onlyType.equals(essence) ? only : null) : byType.get(essence);
            if (reader == null) {
                throw new UnsupportedMediaType(essence);
            }
            return reader.read(request);
        };
    }
}
