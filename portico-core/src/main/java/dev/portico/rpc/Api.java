package dev.portico.rpc;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.endpoint.Input;
import dev.portico.form.IdResolver;
import dev.portico.http.HttpMethod;
import dev.portico.rpc.ApiIndex.ApiIndexField;
import dev.portico.rpc.ApiIndex.ApiIndexMethod;
import dev.portico.rpc.ApiIndex.ApiIndexModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Seed 002's API methods: plain Java methods of {@link ApiModule} classes, called with HTML-form fields (or a JSON
 * object) at {@code POST /api/<module>/<method_name>}, answering JSON. Each method becomes an ordinary
 * {@link Endpoint}, so authentication, permissions, throttling, the error format and the OpenAPI document apply to
 * it as to any other; its arguments are read by the one form decoder ({@link dev.portico.form.FormDecoder}),
 * planned here, at startup.
 * <pre>{@code
 * Api api = Api.builder()
 *         .resolver(IdResolver.of(User.class, users::findByPublicId, User::publicId)) // models by public id
 *         .authenticators(sessions.authenticator(), FormKeyAuthenticator.create(keys), BasicAuthenticator.create(accounts, keys))
 *         .module(new Home(accounts))
 *         .build();
 * app.endpoints(api.endpoints());          // the methods, and GET /api/_index
 * api.url("api:home/describe_user");       // "/api/home/describe_user", for pages and code
 * }</pre>
 */
public final class Api {
    /** The path of the method index under the prefix. */
    public static final String INDEX = "_index";

    private final String prefix;
    private final Map<String, ApiMethods.Declared> methods;
    private final ApiIndex index;
    private final Endpoint indexEndpoint;

    private Api(Builder builder) {
        Map<String, ApiMethods.Declared> byName = new LinkedHashMap<>();
        Map<String, List<ApiMethods.Declared>> byModule = new TreeMap<>();
        for (Object module : builder.modules) {
            for (ApiMethods.Declared declared :
                    ApiMethods.read(module, builder.prefix, builder.resolvers, builder.customizer(module))) {
                ApiMethods.Declared before = byName.put(declared.qualifiedName(), declared);
                if (before != null) {
                    throw new IllegalArgumentException("two API methods are named " + declared.qualifiedName() + ": "
                            + before.endpoint().source() + " and "
                            + declared.endpoint().source()
                            + "; rename one (@ApiMethod(name = ...)) or give its class another @ApiModule");
                }
                byModule.computeIfAbsent(declared.module(), k -> new ArrayList<>())
                        .add(declared);
            }
        }
        this.prefix = builder.prefix;
        this.methods = java.util.Collections.unmodifiableMap(byName);
        this.index = index(builder.prefix, byModule, builder.resolvers, builder.naming);
        ApiIndex body = this.index;
        EndpointBuilder indexBuilder = Endpoint.builder(HttpMethod.GET, prefix + INDEX)
                .output(ApiIndex.class)
                .operationId("apiIndex")
                .tags("api")
                .summary("Lists the API's modules, methods, arguments and results")
                .description("For dynamic clients: every type is described by kind; records and enums once, by name.")
                .source("Api index")
                .handle(request -> body);
        builder.indexOptions.accept(indexBuilder);
        this.indexEndpoint = indexBuilder.build();
    }

    /** A builder with the prefix {@code /api/}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The path of a method by its name: {@code home/describe_user} or {@code api:home/describe_user}. */
    public String url(String name) {
        String bare = name.startsWith("api:") ? name.substring(4) : name;
        ApiMethods.Declared declared = methods.get(bare);
        if (declared == null) {
            throw new IllegalArgumentException(
                    "no API method is named \"" + name + "\"; the methods are " + methods.keySet());
        }
        return declared.endpoint().path().template();
    }

    /**
     * The name {@code method} (an {@link ApiMethod}) is served under in its module: {@link ApiMethod#name()}, or the
     * Java name in snake_case. Clients that start from the same declaration (portico-client's proxies) use it, so
     * the two sides cannot disagree.
     */
    public static String methodName(java.lang.reflect.Method method) {
        ApiMethod api = method.getAnnotation(ApiMethod.class);
        if (api == null) {
            throw new IllegalArgumentException(method + " is not annotated @ApiMethod");
        }
        return api.name().isEmpty() ? ApiMethods.snakeCase(method.getName()) : api.name();
    }

    /** The endpoint of a method, by name, when there is one. */
    public Optional<Endpoint> endpoint(String name) {
        return Optional.ofNullable(methods.get(name.startsWith("api:") ? name.substring(4) : name))
                .map(ApiMethods.Declared::endpoint);
    }

    /** Every method's endpoint, by module and name, then the index's. */
    public List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        methods.values().forEach(m -> all.add(m.endpoint()));
        all.add(indexEndpoint);
        return List.copyOf(all);
    }

    /** The method index that {@code GET /api/_index} answers. */
    public ApiIndex index() {
        return index;
    }

    private static ApiIndex index(
            String prefix,
            Map<String, List<ApiMethods.Declared>> byModule,
            List<IdResolver<?>> resolvers,
            dev.portico.config.Naming naming) {
        IndexTypes types = new IndexTypes(resolvers, naming);
        List<ApiIndexModule> modules = new ArrayList<>();
        byModule.forEach((module, declared) -> {
            List<ApiIndexMethod> methods = new ArrayList<>();
            for (ApiMethods.Declared d : declared) {
                Endpoint e = d.endpoint();
                String caller = "none";
                List<ApiIndexField> arguments = new ArrayList<>();
                for (Input input : e.inputs()) {
                    if (input instanceof Input.Caller c) {
                        caller = c.optional() ? "optional" : "required";
                    } else if (input instanceof Input.Arguments a) {
                        a.arguments()
                                .forEach(arg -> arguments.add(
                                        new ApiIndexField(arg.name(), arg.required(), types.describe(arg.type()))));
                    }
                }
                methods.add(new ApiIndexMethod(
                        d.name(),
                        e.path().template(),
                        e.docs().operationId().orElseThrow(),
                        caller,
                        List.copyOf(arguments),
                        types.describe(e.output())));
            }
            modules.add(new ApiIndexModule(module, List.copyOf(methods)));
        });
        return new ApiIndex(
                prefix,
                List.copyOf(modules),
                java.util.Collections.unmodifiableMap(types.records),
                java.util.Collections.unmodifiableMap(types.enums));
    }

    /** Collects the modules and the options every method shares. */
    public static final class Builder {
        private String prefix = "/api/";
        private final List<Object> modules = new ArrayList<>();
        private final List<IdResolver<?>> resolvers = new ArrayList<>();
        private Authenticator[] authenticators;
        private Permission[] permissions;
        private Consumer<EndpointBuilder> options = e -> {};
        private Consumer<EndpointBuilder> indexOptions = e -> {};
        private dev.portico.config.Naming naming = dev.portico.config.Naming.CAMEL_CASE;

        private Builder() {}

        /** The path the modules are under, starting and ending with {@code /}; {@code /api/} by default. */
        public Builder prefix(String prefix) {
            if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
                throw new IllegalArgumentException("the API prefix starts and ends with /, not \"" + prefix + "\"");
            }
            this.prefix = prefix;
            return this;
        }

        /** Adds a module: an object of a class annotated {@link ApiModule}. */
        public Builder module(Object module) {
            modules.add(module);
            return this;
        }

        /** Lets arguments of the resolver's type be sent by their public id. */
        public Builder resolver(IdResolver<?> resolver) {
            resolvers.add(resolver);
            return this;
        }

        /** The authenticators of every method, tried in order, instead of the application's. */
        public Builder authenticators(Authenticator... authenticators) {
            this.authenticators = authenticators.clone();
            return this;
        }

        /** The permissions of every method, all required, instead of the application's. */
        public Builder permissions(Permission... permissions) {
            this.permissions = permissions.clone();
            return this;
        }

        /** More options on every method's endpoint (a throttle, middlewares). */
        public Builder endpoints(Consumer<EndpointBuilder> options) {
            this.options = this.options.andThen(options);
            return this;
        }

        /**
         * The application's {@code json.naming} ({@code config.naming()}), so the index names records' fields as the
         * mapper writes them; {@code camel_case} when not called.
         */
        public Builder naming(dev.portico.config.Naming naming) {
            this.naming = java.util.Objects.requireNonNull(naming, "naming");
            return this;
        }

        /** Options on the index's endpoint ({@code hidden(true)}, its own permissions); public by default. */
        public Builder index(Consumer<EndpointBuilder> options) {
            this.indexOptions = this.indexOptions.andThen(options);
            return this;
        }

        private Consumer<EndpointBuilder> customizer(Object module) {
            return e -> {
                if (authenticators != null) {
                    e.authenticators(authenticators);
                }
                if (permissions != null) {
                    e.permissions(permissions);
                }
                options.accept(e);
            };
        }

        /** The API, every method planned; fails naming the method and the fix. */
        public Api build() {
            if (modules.isEmpty()) {
                throw new IllegalStateException("the API has no modules; add one with module(...)");
            }
            return new Api(this);
        }
    }
}
