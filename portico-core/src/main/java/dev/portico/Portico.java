package dev.portico;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.cache.ResponseCache;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.endpoint.Controllers;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.health.HealthCheck;
import dev.portico.health.HealthEndpoints;
import dev.portico.http.ClientAddress;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.http.Response;
import dev.portico.json.Json;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.OpenApiGenerator;
import dev.portico.openapi.SchemaEndpoint;
import dev.portico.openapi.SchemaView;
import dev.portico.openapi.ui.DocsPages;
import dev.portico.pipeline.Application;
import dev.portico.pipeline.BodyReaders;
import dev.portico.pipeline.ErrorRenderer;
import dev.portico.pipeline.Pipeline;
import dev.portico.pipeline.Transport;
import dev.portico.server.HttpServer;
import dev.portico.throttle.Throttle;
import dev.portico.throttle.ThrottleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Portico application: endpoints, the policies around them, and the server that serves them.
 * <pre>{@code
 * record Greeting(String message) {}
 *
 * Portico app = Portico.builder()
 *         .get("/api/hello/{name}/", Greeting.class, req -> new Greeting("Hello, " + req.pathParam("name") + "!"))
 *         .controller(new PostController())
 *         .build()          // every route checked and every pipeline composed here
 *         .start();         // listening on server.port (8000 unless configured)
 * }</pre>
 * Everything is computed by {@link Builder#build()}: conflicting routes or an input that cannot be bound
 * fail there, with a message that names the endpoint and the fix, never on the first request.
 * {@link Builder#start()} builds and starts in one call, opening the database while it builds.
 */
public final class Portico {
    static {
        // before any virtual thread: one carrier starved the acceptor under load (VirtualThreadCarriers)
        dev.portico.server.VirtualThreadCarriers.atLeastTwo();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Portico.class);

    private final PorticoConfig config;
    private final ObjectMapper mapper;
    private final Application application;
    private final OpenApiDocument openapi;
    private final boolean shutdownHook;
    private final List<AutoCloseable> onStop;
    private final ConcurrentStart concurrentStart;
    private final List<Runnable> onStart;
    private final AtomicBoolean draining;
    private HttpServer server;
    private Thread hook;
    private boolean closed;
    private boolean prepared;

    private Portico(
            PorticoConfig config,
            ObjectMapper mapper,
            Application application,
            OpenApiDocument openapi,
            boolean shutdownHook,
            List<AutoCloseable> onStop,
            ConcurrentStart concurrentStart,
            List<Runnable> onStart,
            AtomicBoolean draining) {
        this.config = config;
        this.mapper = mapper;
        this.application = application;
        this.openapi = openapi;
        this.shutdownHook = shutdownHook;
        this.onStop = onStop;
        this.concurrentStart = concurrentStart;
        this.onStart = onStart;
        this.draining = draining;
    }

    /** A builder, configured from {@code portico.properties}/{@code .yaml} and {@code PORTICO_*} variables unless given a config. */
    public static Builder builder() {
        return new Builder();
    }

    /** The resolved configuration. */
    public PorticoConfig config() {
        return config;
    }

    /** The shared JSON mapper, configured with this application's limits. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Every endpoint, in declaration order: the model the schema and the clients are generated from. */
    public List<Endpoint> endpoints() {
        return application.endpoints();
    }

    /**
     * The OpenAPI document of the endpoints, generated and rendered once by {@link Builder#build()}: what the
     * schema endpoint serves and the {@code schema} command writes. Built even when the endpoint is off.
     */
    public OpenApiDocument openapi() {
        return openapi;
    }

    /** Answers one request in-process, without a socket: the whole pipeline, as the server would run it. */
    public Response handle(Transport transport) {
        return application.handle(transport);
    }

    /**
     * Runs the start tasks (connecting a database, say) without opening a port, once: what serving in-process
     * ({@link #handle}, portico-test's client) needs. The {@link Builder#onStartConcurrent} tasks come first, waited
     * for when {@link Builder#start()} began them during the build, then the {@link Builder#onStart} tasks.
     * {@link #start()} after it does not run them again; {@link #stop()} releases what they opened.
     */
    public synchronized Portico prepare() {
        if (!prepared) {
            concurrentStart.finish();
            onStart.forEach(Runnable::run);
            prepared = true;
        }
        return this;
    }

    /**
     * Runs the start tasks as {@link #prepare()} does (connecting a database, say), then starts the server on the
     * configured host and port; stops gracefully on SIGTERM. A task that throws stops the start before the
     * port is opened, and the exception propagates.
     */
    public synchronized Portico start() {
        if (server != null) {
            throw new IllegalStateException("already started on port " + server.port());
        }
        long begin = System.nanoTime();
        prepare();
        server = HttpServer.jetty(application, serverOptions()).start();
        if (shutdownHook) {
            hook = new Thread(this::stopFromHook, "portico-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        LOG.info(
                "Portico serving {} endpoints on port {} (started in {} ms)",
                endpoints().size(),
                server.port(),
                (System.nanoTime() - begin) / 1_000_000);
        Thread.ofVirtual().name("portico-schema-render").start(openapi::render); // ready before anyone asks
        return this;
    }

    private HttpServer.Options serverOptions() {
        return new HttpServer.Options(
                config.get(Settings.SERVER_HOST),
                config.get(Settings.SERVER_PORT),
                Math.toIntExact(config.get(Settings.LIMITS_HEADER_SIZE)),
                config.get(Settings.LIMITS_BODY_SIZE),
                config.get(Settings.SERVER_IDLE_TIMEOUT),
                config.get(Settings.SERVER_HEADER_TIMEOUT),
                config.get(Settings.SERVER_BODY_TIMEOUT),
                config.get(Settings.SERVER_WRITE_TIMEOUT),
                config.get(Settings.SERVER_MAX_CONNECTIONS),
                config.get(Settings.SERVER_ACCEPT_QUEUE),
                config.get(Settings.SERVER_SHUTDOWN_GRACE),
                draining::get);
    }

    /** The port the server listens on. */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started: call start() first");
        }
        return server.port();
    }

    /**
     * Stops gracefully, what SIGTERM does, in three steps so that a load balancer loses no request:
     * <ol>
     *   <li>{@code /ready} answers 503 at once, while every request is still served as usual, for
     *       {@code server.shutdown-delay} (0 by default): a balancer that polls {@code /ready} stops sending here;</li>
     *   <li>the port closes, so a balancer that does not poll (nginx) gets a refused connection, which it retries on
     *       another instance for any method, since nothing was sent; idle keep-alive connections close; running
     *       requests get {@code server.shutdown-grace} to finish, answering {@code Connection: close};</li>
     *   <li>the resources given to {@link Builder#onStop} are closed, last given first.</li>
     * </ol>
     * An application that was built but never started (a management command) releases its resources here too. The
     * resources are closed once; the application is not meant to start again after that.
     */
    public synchronized void stop() {
        draining.set(true);
        if (server != null) {
            delay(config.get(Settings.SERVER_SHUTDOWN_DELAY));
            stopServer();
        }
        closeResources();
    }

    /** Whether {@link #stop()} has begun: {@code /ready} then answers 503. */
    public boolean draining() {
        return draining.get();
    }

    private static void delay(java.time.Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        LOG.info("draining: /ready answers 503 for {} before the port closes", delay);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopServer() {
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook is running or will run
            }
        }
        server.stop();
        server = null;
        LOG.info("Portico stopped");
    }

    /** Closes every resource even when one fails, so a failing cache cannot keep the database pool open. */
    private void closeResources() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = onStop.size() - 1; i >= 0; i--) {
            AutoCloseable resource = onStop.get(i);
            try {
                resource.close();
            } catch (Exception e) {
                LOG.error("closing {} on stop failed", resource, e);
            }
        }
    }

    private void stopFromHook() {
        LOG.info("shutdown signal: finishing in-flight requests");
        stop();
    }

    /** Collects endpoints, policies and configuration. */
    public static final class Builder {
        private PorticoConfig config;
        /**
         * The endpoints in declaration order, each group made when {@link #build()} first asks: a group added by
         * {@link #endpoints(Supplier)} costs nothing until then, so a management command, which asks the builder for
         * its modules and never builds it, does not pay for the admin's forms or the account endpoints' validators.
         */
        private final List<Supplier<? extends java.util.Collection<Endpoint>>> declared = new ArrayList<>();

        private final List<Middleware> middlewares = new ArrayList<>();
        private List<Authenticator> authenticators = List.of();
        private List<Permission> permissions = List.of();
        private Throttle throttle;
        private ResponseCache cache; // null: the in-memory default, sized by cache.memory-max-size
        private Function<Request, String> callerKey;
        private ThrottleStore throttleStore;
        private dev.portico.pipeline.RequestObserver observer = dev.portico.pipeline.RequestObserver.NONE;
        private dev.portico.metadata.PageRenderer pageRenderer;
        private boolean shutdownHook = true;
        private final List<AutoCloseable> onStop = new ArrayList<>();
        private final List<Runnable> onStart = new ArrayList<>();
        private final List<Runnable> onStartConcurrent = new ArrayList<>();
        private final List<HealthCheck> healthChecks = new ArrayList<>();
        private final List<Module> modules = new ArrayList<>();
        private final List<Runnable> checks = new ArrayList<>();
        private final SchemaView.Builder schema = SchemaView.builder();

        private Builder() {}

        /** The configuration to use instead of loading it from the working directory and environment. */
        public Builder config(PorticoConfig config) {
            this.config = config;
            return this;
        }

        /**
         * The configuration the application is built with: the one given to {@link #config(PorticoConfig)}, else
         * {@code portico.properties}/{@code .yaml} and {@code PORTICO_*} variables, loaded on first use. For modules,
         * which read their settings from it when installed.
         */
        public PorticoConfig config() {
            if (config == null) {
                config = PorticoConfig.builder()
                        .fromWorkingDirectory()
                        .fromEnvironment(System.getenv())
                        .buildForModules();
            }
            return config;
        }

        /**
         * Installs a module: registers its settings on {@link #config()}, then lets it add its endpoints,
         * authenticators, health checks and start/stop tasks. {@code Manage} adds its commands to {@code ./manage}.
         * <pre>{@code
         * Portico.builder().config(config).install(db).install(Auth.module(db))
         * }</pre>
         *
         * @throws IllegalStateException when a module of that name is installed already
         */
        public Builder install(Module module) {
            if (modules.stream().anyMatch(m -> m.name().equals(module.name()))) {
                throw new IllegalStateException(module.name() + " is installed twice; install it once");
            }
            modules.add(module);
            config().register(module.settings().toArray(dev.portico.config.Setting<?>[]::new));
            module.install(this);
            return this;
        }

        /**
         * A check run first by {@link #build()}: a module's set-up problem (a missing secret) then fails the build,
         * naming the fix, while a command that only asks the builder for its modules never meets it.
         */
        public Builder onBuild(Runnable check) {
            checks.add(java.util.Objects.requireNonNull(check, "check"));
            return this;
        }

        /** The installed modules, in installation order: where {@code Manage} finds their commands. */
        public List<Module> modules() {
            return List.copyOf(modules);
        }

        /** A GET endpoint returning {@code output}. */
        public <O> Builder get(String path, Class<O> output, Handler0<O> handler) {
            return get(path, output, handler, e -> {});
        }

        /** A GET endpoint with options: {@code e -> e.operationId("hello").query("name", String.class)}. */
        public <O> Builder get(String path, Class<O> output, Handler0<O> handler, Consumer<EndpointBuilder> options) {
            return simple(HttpMethod.GET, path, output, handler, options);
        }

        /** A POST endpoint reading {@code input} from the body. */
        public <I, O> Builder post(String path, Class<I> input, Class<O> output, Handler1<I, O> handler) {
            return post(path, input, output, handler, e -> {});
        }

        /** A POST endpoint with options. */
        public <I, O> Builder post(
                String path,
                Class<I> input,
                Class<O> output,
                Handler1<I, O> handler,
                Consumer<EndpointBuilder> options) {
            return withBody(HttpMethod.POST, path, input, output, handler, options);
        }

        /** A PUT endpoint reading {@code input} from the body. */
        public <I, O> Builder put(String path, Class<I> input, Class<O> output, Handler1<I, O> handler) {
            return put(path, input, output, handler, e -> {});
        }

        /** A PUT endpoint with options, as {@link #get(String, Class, Handler0, Consumer)} takes them. */
        public <I, O> Builder put(
                String path,
                Class<I> input,
                Class<O> output,
                Handler1<I, O> handler,
                Consumer<EndpointBuilder> options) {
            return withBody(HttpMethod.PUT, path, input, output, handler, options);
        }

        /** A PATCH endpoint reading {@code input} from the body. */
        public <I, O> Builder patch(String path, Class<I> input, Class<O> output, Handler1<I, O> handler) {
            return patch(path, input, output, handler, e -> {});
        }

        /** A PATCH endpoint with options. */
        public <I, O> Builder patch(
                String path,
                Class<I> input,
                Class<O> output,
                Handler1<I, O> handler,
                Consumer<EndpointBuilder> options) {
            return withBody(HttpMethod.PATCH, path, input, output, handler, options);
        }

        /** A DELETE endpoint; answers 204 when the handler returns nothing. */
        public Builder delete(String path, Handler0<?> handler) {
            return delete(path, handler, e -> {});
        }

        /** A DELETE endpoint with options: {@code e -> e.permissions(Permission.isAdmin())}. */
        public Builder delete(String path, Handler0<?> handler, Consumer<EndpointBuilder> options) {
            return simple(HttpMethod.DELETE, path, void.class, handler, options);
        }

        private Builder simple(
                HttpMethod method,
                String path,
                Class<?> output,
                Handler0<?> handler,
                Consumer<EndpointBuilder> options) {
            return endpoints(() -> {
                EndpointBuilder builder =
                        Endpoint.builder(method, path).output(output).handle(handler::handle);
                options.accept(builder);
                return List.of(builder.build());
            });
        }

        private <I, O> Builder withBody(
                HttpMethod method,
                String path,
                Class<I> input,
                Class<O> output,
                Handler1<I, O> handler,
                Consumer<EndpointBuilder> options) {
            return endpoints(() -> {
                EndpointBuilder builder = Endpoint.builder(method, path)
                        .output(output)
                        .body(input)
                        .<I>handleBody(handler::handle);
                options.accept(builder);
                return List.of(builder.build());
            });
        }

        /** Adds a fully described endpoint. */
        public Builder endpoint(Endpoint endpoint) {
            java.util.Objects.requireNonNull(endpoint, "endpoint");
            declared.add(() -> List.of(endpoint));
            return this;
        }

        /** Adds fully described endpoints, in order: an {@code Api}'s, for one ({@code .endpoints(api.endpoints())}). */
        public Builder endpoints(java.util.Collection<Endpoint> endpoints) {
            endpoints.forEach(this::endpoint);
            return this;
        }

        /**
         * Adds endpoints made by {@code later} when the app is built, in this place of the order: for a module whose
         * endpoints cost start-up time to make (forms, validators), which a command that only lists the modules never
         * needs. Still made once, at {@link #build()}, never per request; a mistake in them fails the build. The verbs
         * ({@link #get}, {@link #post}, ...) and {@link #controller} declare their endpoints this way, so a management
         * command, which asks the builder for its modules and never builds it, makes none of them.
         * <pre>{@code
         * app.endpoints(() -> site.endpoints());
         * }</pre>
         */
        public Builder endpoints(Supplier<? extends java.util.Collection<Endpoint>> later) {
            declared.add(java.util.Objects.requireNonNull(later, "later"));
            return this;
        }

        /** Every endpoint, in order, each deferred group made once: the first call makes them, later ones reuse. */
        private List<Endpoint> endpoints() {
            List<Endpoint> all = new ArrayList<>();
            for (int i = 0; i < declared.size(); i++) {
                List<Endpoint> made = List.copyOf(declared.get(i).get());
                declared.set(i, () -> made);
                all.addAll(made);
            }
            return all;
        }

        /** Adds the endpoints of an annotated controller. */
        public Builder controller(Object controller) {
            return controller(controller, e -> {});
        }

        /** Adds the endpoints of an annotated controller, each customised (middlewares, policies). */
        public Builder controller(Object controller, Consumer<EndpointBuilder> customizer) {
            java.util.Objects.requireNonNull(controller, "controller");
            return endpoints(() -> Controllers.endpoints(controller, customizer));
        }

        /** Adds global middlewares, outermost first; they run before the method check, for every request. */
        public Builder middleware(Middleware... middlewares) {
            this.middlewares.addAll(List.of(middlewares));
            return this;
        }

        /** The default authenticators, tried in order; DRF's {@code DEFAULT_AUTHENTICATION_CLASSES}. */
        public Builder authenticators(Authenticator... authenticators) {
            this.authenticators = List.of(authenticators);
            return this;
        }

        /** The default permissions, all required; DRF's {@code DEFAULT_PERMISSION_CLASSES}. Allow-any when empty. */
        public Builder permissions(Permission... permissions) {
            this.permissions = List.of(permissions);
            return this;
        }

        /**
         * The default throttle; endpoints with their own replace it. Without one, the {@code throttle.anonymous} and
         * {@code throttle.authenticated} settings make it, when set.
         */
        public Builder throttle(Throttle throttle) {
            this.throttle = throttle;
            return this;
        }

        /**
         * Where throttles count; by default in memory ({@code throttle.memory-max-keys} callers), and with
         * {@code portico-redis}'s store shared by every instance.
         */
        public Builder throttleStore(ThrottleStore store) {
            this.throttleStore = java.util.Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Where cached responses are kept: by default {@link ResponseCache#inMemory} of
         * {@code cache.memory-max-size}; a shared store (Redis) makes instances share entries and invalidations.
         * The application closes it when it stops.
         */
        public Builder responseCache(ResponseCache cache) {
            this.cache = java.util.Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * How throttling and caching name the caller; by default {@code user:<id>} when signed in, else
         * {@code ip:<client IP>} (through {@code server.trusted-proxies}, see {@link ClientAddress}).
         */
        public Builder callerKey(Function<Request, String> callerKey) {
            this.callerKey = callerKey;
            return this;
        }

        /**
         * Options of the OpenAPI document and its endpoint, as DRF's {@code get_schema_view}:
         * {@code s -> s.title("Blog API").patterns("/api/**").permissions(isAdmin)}. They win over the
         * {@code openapi.*} settings; {@code s.enabled(false)} stops serving it.
         */
        public Builder schema(Consumer<SchemaView.Builder> options) {
            options.accept(schema);
            return this;
        }

        /**
         * What sees every request's outcome, such as {@code portico-metrics}' Micrometer timers; asked once per
         * endpoint at build for that endpoint's recorder. None by default.
         */
        public Builder observer(dev.portico.pipeline.RequestObserver observer) {
            this.observer = java.util.Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** Whether {@link #start()} installs a JVM shutdown hook for graceful stop on SIGTERM (default true). */
        public Builder shutdownHook(boolean install) {
            this.shutdownHook = install;
            return this;
        }

        /**
         * A resource the application owns, such as a database pool: {@link Portico#stop()} (and so SIGTERM)
         * closes it after the server has finished its requests, the last given first.
         */
        public Builder onStop(AutoCloseable resource) {
            onStop.add(java.util.Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * A task run by {@link Portico#start()} before the port opens, in the order given: what connects a
         * database and applies its migrations. Building the application never runs it, so a command that only
         * builds (such as {@code schema}) needs no database.
         */
        public Builder onStart(Runnable task) {
            onStart.add(java.util.Objects.requireNonNull(task, "task"));
            return this;
        }

        /**
         * A start task that needs nothing the build makes, only what was declared before it (its configuration, a
         * pool's metrics): {@link #start()} runs these, in the order given, on a thread of their own while it builds
         * the application, so that connecting a database and applying its migrations overlap with composing the
         * pipelines. The port opens only after they succeeded, and before the {@link #onStart} tasks run; when the
         * application is built first and started later ({@code build().start()}), they run at its start, first.
         * Building alone never runs them.
         */
        public Builder onStartConcurrent(Runnable task) {
            onStartConcurrent.add(java.util.Objects.requireNonNull(task, "task"));
            return this;
        }

        /**
         * A dependency {@code /ready} checks, such as {@code db.healthCheck()} or {@code redis.healthCheck()}: the
         * instance is ready when every check answers within {@code health.timeout}.
         */
        public Builder healthCheck(HealthCheck check) {
            healthChecks.add(java.util.Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * {@code /health} and {@code /ready} ({@code health.path}, {@code health.ready-path}) as the outermost
         * middleware; a path the application routes itself is left to it, and an empty one is not served.
         */
        private Optional<HealthEndpoints> health(PorticoConfig config, AtomicBoolean draining) {
            String live = unlessRouted(config.get(Settings.HEALTH_PATH));
            String ready = unlessRouted(config.get(Settings.HEALTH_READY_PATH));
            if (live.isEmpty() && ready.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(HealthEndpoints.create(
                    live, ready, healthChecks, config.get(Settings.HEALTH_TIMEOUT), draining::get));
        }

        private String unlessRouted(String path) {
            String trimmed = path.trim();
            boolean routed =
                    endpoints().stream().anyMatch(e -> e.path().template().equals(trimmed));
            return routed ? "" : trimmed;
        }

        /** Swagger UI and Redoc under the schema's path, with the schema endpoint's own policies. */
        private static List<Endpoint> docsPages(SchemaView view, PorticoConfig config) {
            String base = view.path().endsWith("/") ? view.path() : view.path() + "/";
            return DocsPages.builder()
                    .csrfCookie(config.settings().stream()
                            .filter(s -> s.key().equals("auth.csrf.cookie-name"))
                            .findFirst()
                            .map(s -> String.valueOf(config.get(s)))
                            .orElse("csrftoken"))
                    .schemaUrl(view.path())
                    .swaggerUiPath(base + "swagger-ui/")
                    .redocPath(base + "redoc/")
                    .title(view.title())
                    .customize(e -> {
                        e.permissions(view.permissions().toArray(Permission[]::new));
                        view.authenticators().ifPresent(a -> e.authenticators(a.toArray(Authenticator[]::new)));
                    })
                    .build()
                    .endpoints();
        }

        private static ClientAddress clientAddress(PorticoConfig config) {
            return ClientAddress.create(
                    config.get(Settings.SERVER_TRUSTED_PROXIES), config.get(Settings.SERVER_FORWARDED_HEADER));
        }

        /** The limits of failed authentications, from {@code throttle.failures.*}; an empty rate is no limit. */
        private static dev.portico.auth.Guesses guesses(PorticoConfig config) {
            return dev.portico.auth.Guesses.create(
                    rate(config, Settings.THROTTLE_FAILURES_ADDRESS),
                    rate(config, Settings.THROTTLE_FAILURES_USERNAME));
        }

        private static Optional<dev.portico.throttle.Rate> rate(
                PorticoConfig config, dev.portico.config.Setting<String> setting) {
            String rate = config.get(setting).trim();
            try {
                return rate.isEmpty() ? Optional.empty() : Optional.of(dev.portico.throttle.Rate.parse(rate));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(setting.key() + ": " + e.getMessage(), e);
            }
        }

        private static Function<Request, String> defaultCallerKey(PorticoConfig config) {
            ClientAddress client = clientAddress(config);
            return request -> {
                Optional<Principal> caller = request.principal();
                return caller.isPresent() ? "user:" + caller.get().id() : "ip:" + client.of(request);
            };
        }

        /** The code's default throttle, else the one the throttle.* settings describe, else none. */
        private Optional<Throttle> defaultThrottle(PorticoConfig config) {
            if (throttle != null) {
                return Optional.of(throttle);
            }
            List<Throttle> scopes = new ArrayList<>();
            String anonymous = config.get(Settings.THROTTLE_ANONYMOUS).trim();
            String authenticated = config.get(Settings.THROTTLE_AUTHENTICATED).trim();
            if (!anonymous.isEmpty()) {
                scopes.add(Throttle.anonymous(anonymous));
            }
            if (!authenticated.isEmpty()) {
                scopes.add(Throttle.authenticated(authenticated));
            }
            return scopes.isEmpty() ? Optional.empty() : Optional.of(Throttle.all(scopes.toArray(Throttle[]::new)));
        }

        /**
         * The browsable API's renderer: browsers ({@code Accept: text/html}, {@code ?format=api}) get its page of any
         * JSON answer, unless {@code api.browsable=false}. portico-auth's {@code BrowsableApi.addTo} sets it.
         */
        public Builder pageRenderer(dev.portico.metadata.PageRenderer renderer) {
            this.pageRenderer = java.util.Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /** Checks everything and composes every pipeline; fails with a message naming the endpoint and the fix. */
        public Portico build() {
            return build(new ConcurrentStart(onStartConcurrent));
        }

        /**
         * Builds and starts the application ({@link #build()}, then {@link Portico#start()}), with the
         * {@link #onStartConcurrent} tasks running while it builds: the quicker start, for an application that is
         * built to serve. A start that fails closes what the application gave to {@link #onStop}, as a failed build
         * does, since no application is returned to stop.
         */
        public Portico start() {
            Portico app = build(new ConcurrentStart(onStartConcurrent).begin());
            try {
                return app.start();
            } catch (RuntimeException e) {
                app.stop();
                throw e;
            }
        }

        private Portico build(ConcurrentStart concurrentStart) {
            try {
                checks.forEach(Runnable::run);
                return resolve(concurrentStart);
            } catch (RuntimeException e) {
                concurrentStart.settle(e); // what they open must be there to be closed
                closeOnFailedBuild(e);
                throw e;
            }
        }

        /** A build that fails releases what the application gave to {@link #onStop}, such as an open pool. */
        private void closeOnFailedBuild(RuntimeException failure) {
            for (int i = onStop.size() - 1; i >= 0; i--) {
                try {
                    onStop.get(i).close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
        }

        private Portico resolve(ConcurrentStart concurrentStart) {
            PorticoConfig resolved = config().checkKnown(); // every module's settings are registered by now
            ObjectMapper mapper = Json.mapper(Json.Limits.of(resolved), resolved.naming());
            ErrorRenderer errors = new ErrorRenderer(
                    mapper,
                    resolved.get(Settings.ERRORS_FORMAT),
                    resolved.limits().errorEntries());
            List<Endpoint> endpoints = endpoints();
            ResponseCache responses = cache != null
                    ? cache
                    : endpoints.stream().anyMatch(e -> e.policies().cacheFor().isPresent())
                            ? ResponseCache.inMemory(resolved.get(Settings.CACHE_MEMORY_MAX_SIZE), resolved.clock())
                            : ResponseCache.none();
            Optional<Throttle> throttles = defaultThrottle(resolved);
            ThrottleStore store = throttleStore != null
                    ? throttleStore
                    : ThrottleStore.memory(resolved.get(Settings.THROTTLE_MEMORY_MAX_KEYS), resolved.clock());
            Pipeline.Defaults defaults = new Pipeline.Defaults(
                    authenticators,
                    permissions,
                    throttles,
                    responses,
                    callerKey != null ? callerKey : defaultCallerKey(resolved),
                    mapper,
                    new BodyReaders(mapper, resolved.limits()),
                    store,
                    clientAddress(resolved),
                    guesses(resolved).bind(store),
                    resolved.get(Settings.API_BROWSABLE) ? Optional.ofNullable(pageRenderer) : Optional.empty());
            SchemaView view = schema.build(resolved);
            OpenApiDocument[] document = new OpenApiDocument[1];
            List<Endpoint> served = new ArrayList<>(endpoints);
            if (view.enabled()) {
                served.add(SchemaEndpoint.create(view, () -> document[0]));
                if (resolved.get(Settings.OPENAPI_DOCS_PAGES)) {
                    served.addAll(docsPages(view, resolved));
                }
            }
            AtomicBoolean draining = new AtomicBoolean();
            List<Middleware> global = new ArrayList<>(middlewares);
            Optional<HealthEndpoints> health = health(resolved, draining);
            health.ifPresent(global::addFirst);
            Application application = Application.builder(served, defaults)
                    .middlewares(global)
                    .errors(errors)
                    .limits(resolved.limits())
                    .trailingSlash(resolved.get(Settings.ROUTING_TRAILING_SLASH))
                    .accessLog(resolved.get(Settings.ACCESS_LOG_ENABLED))
                    .observer(observer)
                    .probePaths(health.map(HealthEndpoints::paths).orElse(List.of()))
                    .build();
            // after the routes are checked, so a route conflict is reported as one, not as a duplicate operationId
            document[0] = OpenApiDocument.generate(
                    endpoints,
                    view,
                    new OpenApiGenerator.Defaults(
                            authenticators,
                            permissions,
                            throttles,
                            resolved.get(Settings.ERRORS_FORMAT),
                            resolved.limits(),
                            resolved.get(Settings.JSON_DECIMALS_AS_STRINGS),
                            resolved.naming()));
            List<AutoCloseable> closing = new ArrayList<>(onStop);
            closing.addFirst(responses); // closed last, after everything the application gave
            return new Portico(
                    resolved,
                    mapper,
                    application,
                    document[0],
                    shutdownHook,
                    List.copyOf(closing),
                    concurrentStart,
                    List.copyOf(onStart),
                    draining);
        }
    }

    /** A handler that needs only the request. */
    @FunctionalInterface
    public interface Handler0<O> {
        /** Runs the endpoint. */
        O handle(Request request) throws Exception;
    }

    /** A handler that receives the decoded body. */
    @FunctionalInterface
    public interface Handler1<I, O> {
        /** Runs the endpoint. */
        O handle(Request request, I body) throws Exception;
    }
}
