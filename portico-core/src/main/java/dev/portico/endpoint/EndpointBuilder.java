package dev.portico.endpoint;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.http.HttpMethod;
import dev.portico.http.MediaType;
import dev.portico.http.Middleware;
import dev.portico.http.Request;
import dev.portico.router.ParamType;
import dev.portico.router.PathTemplate;
import dev.portico.throttle.Throttle;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects the parts of an {@link Endpoint}; {@link #build()} checks them and fails with a message that says how to fix. */
public final class EndpointBuilder {
    private final HttpMethod method;
    private final String path;
    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, ParamType> pathTypes = new HashMap<>();
    private final List<Middleware> middlewares = new ArrayList<>();
    private Type output = void.class;
    private Integer status;
    private List<String> produces = List.of(MediaType.APPLICATION_JSON);
    private List<Authenticator> authenticators;
    private List<Permission> permissions;
    private Throttle throttle;
    private Duration cacheFor;
    private String cacheTag;
    private final List<String> invalidates = new ArrayList<>();
    private Permission objectAccess;
    private String operationId;
    private List<String> tags = List.of();
    private String summary;
    private String description;
    private boolean deprecated;
    private String operationIdBase;
    private String componentName;
    private final Map<Integer, Type> responses = new java.util.TreeMap<>();
    private final Map<String, Object> extensions = new java.util.LinkedHashMap<>();
    private final List<Docs.Parameter> queryParameters = new ArrayList<>();
    private final List<Docs.Header> headers = new ArrayList<>();
    private boolean hidden;
    private Invoker invoker;
    private String source = "";

    EndpointBuilder(HttpMethod method, String path) {
        if (method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            throw new IllegalArgumentException(method + " is answered by Portico for every route; declare GET instead");
        }
        this.method = method;
        this.path = path;
    }

    /** The output type. */
    public EndpointBuilder output(Type type) {
        this.output = type;
        return this;
    }

    /** The output type, generics included. */
    public EndpointBuilder output(TypeRef<?> type) {
        return output(type.type());
    }

    /** The success status; 200 by default, 204 when there is no output. */
    public EndpointBuilder status(int status) {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("a success status is 2xx, not " + status);
        }
        this.status = status;
        return this;
    }

    /** Declares a path parameter's Java type where the template leaves it out ({@code {id}} with {@code long}). */
    public EndpointBuilder pathParam(String name, Type type) {
        Class<?> raw = type instanceof Class<?> c ? c : Object.class;
        ParamType paramType = ParamType.forJavaType(raw)
                .orElseThrow(() -> new IllegalArgumentException("path parameter '" + name + "' of " + path
                        + " has type " + type.getTypeName() + "; use int, long, UUID or String"));
        pathTypes.put(name, paramType);
        inputs.add(new Input.Path(name, paramType, type));
        return this;
    }

    /** A query parameter; required unless its type is {@code Optional} or {@code List}. */
    public EndpointBuilder query(String name, Type type) {
        inputs.add(new Input.Query(name, type, null));
        return this;
    }

    /** A query parameter with a default used when it is absent. */
    public EndpointBuilder query(String name, Type type, String defaultValue) {
        inputs.add(new Input.Query(name, type, defaultValue));
        return this;
    }

    /** A request header. */
    public EndpointBuilder header(String name, Type type, String defaultValue) {
        inputs.add(new Input.Header(name, type, defaultValue));
        return this;
    }

    /** A request cookie. */
    public EndpointBuilder cookie(String name, Type type, String defaultValue) {
        inputs.add(new Input.Cookie(name, type, defaultValue));
        return this;
    }

    /**
     * Any input, fully described (with the annotations of its declaring parameter); the other input methods
     * are shortcuts for this one.
     */
    public EndpointBuilder input(Input input) {
        switch (input) {
            case Input.Path p -> {
                pathParam(p.name(), p.type()); // checks the type and records it for the template
                Input.Path typed = (Input.Path) inputs.getLast();
                inputs.set(inputs.size() - 1, new Input.Path(p.name(), typed.paramType(), p.type(), p.annotations()));
            }
            case Input.Body b -> {
                body(b.type(), b.mediaTypes()); // checks there is only one body
                inputs.set(inputs.size() - 1, b);
            }
            default -> inputs.add(input);
        }
        return this;
    }

    /**
     * The body type, read from the media types DRF's default parsers accept: a record, List or Map as JSON,
     * urlencoded or multipart form; one holding a {@link dev.portico.http.FileUpload} as multipart only;
     * {@link dev.portico.http.FormData} as either form; any other type as JSON.
     */
    public EndpointBuilder body(Type type) {
        return body(type, defaultMediaTypes(type));
    }

    /** The media types {@link #body(Type)} reads a body of {@code type} from. */
    public static List<String> defaultMediaTypes(Type type) {
        return BodyMediaTypes.defaults(type);
    }

    /** The body type, generics included, read from its default media types. */
    public EndpointBuilder body(TypeRef<?> type) {
        return body(type.type());
    }

    /** The body type and the media types it may arrive in. */
    public EndpointBuilder body(Type type, List<String> mediaTypes) {
        if (inputs.stream().anyMatch(i -> i instanceof Input.Body || i instanceof Input.Arguments)) {
            throw new IllegalArgumentException(method + " " + path + " declares two bodies");
        }
        inputs.add(new Input.Body(type, List.copyOf(mediaTypes)));
        return this;
    }

    /** The named arguments of an API method, read from the call's fields (see {@link Input.Arguments}). */
    public EndpointBuilder arguments(List<Input.Argument> arguments, List<dev.portico.form.IdResolver<?>> resolvers) {
        if (inputs.stream().anyMatch(i -> i instanceof Input.Body || i instanceof Input.Arguments)) {
            throw new IllegalArgumentException(method + " " + path + " declares arguments beside a body or other "
                    + "arguments; the arguments are the whole body");
        }
        inputs.add(new Input.Arguments(arguments, resolvers));
        return this;
    }

    /** Passes the request itself to a controller method. */
    public EndpointBuilder requestInput() {
        inputs.add(new Input.Context());
        return this;
    }

    /**
     * Passes the caller, typed: {@code Principal}, a subtype ({@code User.class}) or {@code Optional} of one
     * (a {@link TypeRef}); read it in the handler as {@code request.input("caller")}. See {@link Input.Caller}.
     */
    public EndpointBuilder caller(Type type) {
        inputs.add(new Input.Caller(type));
        return this;
    }

    /** The media types the success body is sent as. */
    public EndpointBuilder produces(String... mediaTypes) {
        this.produces = List.of(mediaTypes);
        return this;
    }

    /** Authenticators for this endpoint, tried in order, instead of the application's. */
    public EndpointBuilder authenticators(Authenticator... authenticators) {
        this.authenticators = List.of(authenticators);
        return this;
    }

    /** Permissions for this endpoint, all required, instead of the application's. */
    public EndpointBuilder permissions(Permission... permissions) {
        this.permissions = List.of(permissions);
        return this;
    }

    /** A throttle for this endpoint instead of the application's. */
    public EndpointBuilder throttle(Throttle throttle) {
        this.throttle = throttle;
        return this;
    }

    /**
     * Caches this GET endpoint's 200 responses for {@code ttl} (at most {@code ResponseCache.MAX_TTL}), per
     * caller: {@code e.cacheFor(Duration.ofSeconds(30))}. Checked at build: only GET endpoints may cache.
     */
    public EndpointBuilder cacheFor(Duration ttl) {
        this.cacheFor = ttl;
        return this;
    }

    /**
     * Files this endpoint's cached responses under {@code tag} instead of its path template, so that a write
     * declaring {@link #invalidates} of the same tag drops them (a resource tags its reads with its prefix).
     */
    public EndpointBuilder cacheTag(String tag) {
        this.cacheTag = java.util.Objects.requireNonNull(tag, "tag");
        return this;
    }

    /**
     * Each time this endpoint runs (past validation, whatever it answers), the cached responses filed under
     * {@code tags} are dropped on every instance: {@code e.invalidates("/api/posts/")} on a write.
     */
    public EndpointBuilder invalidates(String... tags) {
        this.invalidates.addAll(List.of(tags));
        return this;
    }

    /**
     * How OPTIONS and the browsable API learn whether this caller may act on the object the path names, without
     * acting on it: DRF calls {@code get_object()} and leaves the method out on 403 or 404. A refusal is
     * {@code false} or an {@code ApiException}; a resource declares it on its item writes.
     */
    public EndpointBuilder objectAccess(Permission check) {
        this.objectAccess = java.util.Objects.requireNonNull(check, "check");
        return this;
    }

    /** Adds per-endpoint middlewares, outermost first. */
    public EndpointBuilder middleware(Middleware... middlewares) {
        this.middlewares.addAll(List.of(middlewares));
        return this;
    }

    /** The OpenAPI operationId instead of the derived one. */
    public EndpointBuilder operationId(String operationId) {
        this.operationId = operationId;
        return this;
    }

    /** OpenAPI tags instead of the derived one. */
    public EndpointBuilder tags(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    /** The OpenAPI summary. */
    public EndpointBuilder summary(String summary) {
        this.summary = summary;
        return this;
    }

    /** The OpenAPI description. */
    public EndpointBuilder description(String description) {
        this.description = description;
        return this;
    }

    /** Marks the endpoint deprecated in the schema. */
    public EndpointBuilder deprecated(boolean deprecated) {
        this.deprecated = deprecated;
        return this;
    }

    /** The base of the derived operationId: {@code Article} gives {@code listArticles}, {@code retrieveArticle}. */
    public EndpointBuilder operationIdBase(String base) {
        this.operationIdBase = base;
        return this;
    }

    /**
     * The component name of the endpoint's record (the output's, else the body's) instead of the Java type's
     * simple name, as DRF's {@code component_name}.
     */
    public EndpointBuilder componentName(String name) {
        this.componentName = name;
        return this;
    }

    /**
     * Documents a response of {@code status} with a body of {@code type} ({@code void.class} for none): the
     * success status replaces the derived output schema, others are added (a 409, say).
     */
    public EndpointBuilder response(int status, Type type) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100-599, not " + status);
        }
        responses.put(status, type);
        return this;
    }

    /** An {@code x-} extension on the operation. */
    public EndpointBuilder extension(String name, Object value) {
        if (!name.startsWith("x-")) {
            throw new IllegalArgumentException("OpenAPI extensions start with x-, not '" + name + "'");
        }
        extensions.put(name, value);
        return this;
    }

    /**
     * Documents an optional query parameter that the handler reads itself rather than as a bound input: the
     * filters, ordering, search and page of a list, which its query plan parses and checks.
     */
    public EndpointBuilder documentQuery(String name, Type type, String description) {
        queryParameters.add(new Docs.Parameter(name, type, description));
        return this;
    }

    /** Documents a header the handler reads or writes itself ({@code Docs.Header.response(201, "Location", ...)}). */
    public EndpointBuilder documentHeader(Docs.Header header) {
        headers.add(header);
        return this;
    }

    /**
     * Leaves the endpoint out of the OpenAPI document and the generated clients, while still serving it:
     * for the schema endpoint and the documentation pages.
     */
    public EndpointBuilder hidden(boolean hidden) {
        this.hidden = hidden;
        return this;
    }

    /** Where the endpoint was declared, for messages. */
    public EndpointBuilder source(String source) {
        this.source = source;
        return this;
    }

    /** The code that runs, given the request with its bound inputs. */
    public EndpointBuilder handle(Invoker invoker) {
        this.invoker = invoker;
        return this;
    }

    /** The code that runs, given the request and the decoded body. */
    public <I> EndpointBuilder handleBody(BodyHandler<I> handler) {
        this.invoker = new BodyInvoker<>(handler);
        return this;
    }

    /** A handler that receives the decoded body. */
    @FunctionalInterface
    public interface BodyHandler<I> {
        /** Runs the endpoint. */
        Object handle(Request request, I body) throws Exception;
    }

    private record BodyInvoker<I>(BodyHandler<I> handler) implements Invoker {
        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Request request) throws Exception {
            return handler.handle(request, (I) request.input("body"));
        }
    }

    /** The endpoint; fails when a part is missing or inconsistent. */
    public Endpoint build() {
        if (invoker == null) {
            throw new IllegalStateException(method + " " + path + " has no handler: call handle(...)");
        }
        if (invoker instanceof BodyInvoker<?> && inputs.stream().noneMatch(i -> i instanceof Input.Body)) {
            throw new IllegalStateException(
                    method + " " + path + " reads a body but declares no body type: call body(...)");
        }
        PathTemplate template = PathTemplate.parse(path).withTypes(pathTypes);
        List<Input> all = new ArrayList<>();
        for (PathTemplate.Segment s : template.segments()) {
            if (s.isParam()
                    && inputs.stream()
                            .noneMatch(
                                    i -> i instanceof Input.Path p && p.name().equals(s.param()))) {
                all.add(new Input.Path(s.param(), s.type(), s.type().javaType()));
            }
        }
        for (Input input : inputs) {
            if (input instanceof Input.Path p && !template.paramNames().contains(p.name())) {
                throw new IllegalStateException(method + " " + path + " declares path parameter '" + p.name()
                        + "' that the template does not have; add {" + p.name() + "} to the path");
            }
            all.add(input);
        }
        int success = status != null ? status : (output == void.class || output == Void.class ? 204 : 200);
        Policies policies = new Policies(
                Optional.ofNullable(authenticators),
                Optional.ofNullable(permissions),
                Optional.ofNullable(throttle),
                Optional.ofNullable(cacheFor),
                Optional.ofNullable(cacheTag),
                invalidates,
                Optional.ofNullable(objectAccess));
        Docs docs = new Docs(
                Optional.ofNullable(operationId),
                tags,
                Optional.ofNullable(summary),
                Optional.ofNullable(description),
                deprecated,
                Optional.ofNullable(operationIdBase),
                Optional.ofNullable(componentName),
                responses,
                extensions,
                queryParameters,
                hidden,
                headers);
        return new Endpoint(
                method,
                template,
                List.copyOf(all),
                output,
                success,
                produces,
                policies,
                List.copyOf(middlewares),
                docs,
                invoker,
                source);
    }
}
