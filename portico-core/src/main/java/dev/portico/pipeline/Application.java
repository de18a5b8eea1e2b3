package dev.portico.pipeline;

import dev.portico.auth.Refusal;
import dev.portico.config.Limits;
import dev.portico.endpoint.Endpoint;
import dev.portico.error.ApiException;
import dev.portico.error.MethodNotAllowed;
import dev.portico.error.NotFound;
import dev.portico.form.FormParser;
import dev.portico.http.Handler;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Response;
import dev.portico.metadata.RouteInfo;
import dev.portico.router.Route;
import dev.portico.router.RouteMatch;
import dev.portico.router.Router;
import dev.portico.router.TrailingSlash;
import java.util.EnumMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every endpoint composed into one handler, ready to serve: built once at startup, then shared by all
 * requests without locks. Servers and the in-process test client call {@link #handle(Transport)}.
 *
 * <p>Per request: the request id is taken or made, global middlewares run, then the router finds the
 * path (404, or 308 to the declared trailing-slash form), the method stage picks the endpoint, and the
 * endpoint's composed pipeline runs. Every {@link ApiException} becomes an error-format response inside the
 * global middlewares, so they see errors as responses; anything else becomes a logged 500 whose body
 * says nothing of the failure.
 */
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Router<MethodDispatch> router;
    private final Handler root;
    private final ErrorRenderer errors;
    private final Limits limits;
    private final FormParser queryParser;
    private final BodyReaders readers;
    private final AccessLog accessLog;
    private final RequestObserver.Recorder unmatched;
    /** The recorders of the probe paths ({@code /health}, {@code /ready}) answered before any endpoint, by raw path. */
    private final java.util.Map<String, RequestObserver.Recorder> probes;

    private final List<Endpoint> endpoints;
    private final dev.portico.http.ClientAddress client;
    private final dev.portico.auth.Guesses guesses;
    private final boolean pages;

    private Application(
            Router<MethodDispatch> router,
            List<Middleware> middlewares,
            ErrorRenderer errors,
            Limits limits,
            boolean accessLog,
            List<Endpoint> endpoints,
            Pipeline.Defaults defaults,
            RequestObserver observer,
            List<String> probePaths) {
        this.router = router;
        this.client = defaults.clientAddress();
        this.guesses = defaults.guesses();
        BodyReaders readers = defaults.readers();
        this.unmatched = observer.unmatched();
        java.util.Map<String, RequestObserver.Recorder> probeRecorders = new java.util.HashMap<>();
        for (String path : probePaths) {
            probeRecorders.put(
                    path,
                    java.util.Objects.requireNonNull(
                            observer.probe(path), "the request observer gave no recorder for the probe " + path));
        }
        this.probes = java.util.Map.copyOf(probeRecorders);
        this.readers = readers;
        this.errors = errors;
        this.limits = limits;
        this.queryParser = new FormParser(limits);
        this.accessLog = new AccessLog(accessLog);
        this.endpoints = List.copyOf(endpoints);
        Handler handler = this::dispatch;
        handler = renderErrors(handler);
        this.pages = defaults.pages().isPresent();
        if (pages) {
            handler = new BrowsablePages(defaults.pages().get(), router).wrap(handler); // the page from the JSON answer
        }
        for (int i = middlewares.size() - 1; i >= 0; i--) {
            handler = middlewares.get(i).wrap(handler);
        }
        this.root = handler;
    }

    /**
     * A builder of the application serving {@code endpoints} with the pipeline {@code defaults}; the rest is optional:
     * no global middleware, default limits, the {@code SIMPLE} error format, {@link TrailingSlash#REDIRECT}, no access
     * log, no observer, no probe paths.
     * <pre>{@code
     * Application app = Application.builder(endpoints, defaults).errors(errors).limits(limits).build();
     * }</pre>
     */
    public static Builder builder(List<Endpoint> endpoints, Pipeline.Defaults defaults) {
        return new Builder(endpoints, defaults);
    }

    /**
     * Composes every endpoint's pipeline and the router; fails on conflicting routes or an endpoint whose
     * inputs cannot be bound, naming the endpoint and the fix.
     */
    private static Application create(Builder b) {
        List<Endpoint> endpoints = b.endpoints;
        Pipeline.Defaults defaults = b.defaults;
        TrailingSlash trailingSlash = b.trailingSlash;
        RequestObserver observer = b.observer;
        java.util.Map<Endpoint, RequestObserver.Recorder> recorders = new java.util.IdentityHashMap<>();
        for (Endpoint endpoint : endpoints) {
            recorders.put(
                    endpoint,
                    java.util.Objects.requireNonNull(
                            observer.endpoint(endpoint),
                            "the request observer gave no recorder for " + endpoint.describe()));
        }
        Router.Builder<Endpoint> checked = Router.builder(trailingSlash);
        for (Endpoint endpoint : endpoints) {
            checked.add(endpoint.path(), endpoint.method(), endpoint, endpoint.describe());
        }
        Router<Endpoint> plan = checked.build(); // fails here on conflicting routes, naming both
        Router.Builder<MethodDispatch> builder = Router.builder(trailingSlash);
        for (Route<Endpoint> route : plan.routes()) {
            EnumMap<HttpMethod, MethodDispatch.Target> targets = new EnumMap<>(HttpMethod.class);
            route.targets()
                    .forEach((method, endpoint) -> targets.put(
                            method,
                            new MethodDispatch.Target(
                                    endpoint,
                                    Pipeline.compose(endpoint, defaults),
                                    endpoint.produces(),
                                    recorders.get(endpoint),
                                    Pipeline.access(endpoint, defaults),
                                    Pipeline.permitOnly(endpoint, defaults))));
            MethodDispatch dispatch = new MethodDispatch(
                    targets,
                    route.allow(),
                    RouteInfo.of(
                            route.targets(),
                            defaults.pages().isPresent(),
                            defaults.readers().naming()),
                    defaults.mapper().writer());
            route.targets()
                    .forEach(
                            (method, endpoint) -> builder.add(route.template(), method, dispatch, endpoint.describe()));
        }
        return new Application(
                builder.build(),
                b.middlewares,
                b.errors,
                b.limits,
                b.accessLog,
                endpoints,
                defaults,
                observer,
                b.probePaths);
    }

    /** The parts of an {@link Application}, named; {@link #build()} composes it once. */
    public static final class Builder {
        private final List<Endpoint> endpoints;
        private final Pipeline.Defaults defaults;
        private List<Middleware> middlewares = List.of();
        private Limits limits = Limits.defaults();
        private ErrorRenderer errors;
        private TrailingSlash trailingSlash = TrailingSlash.REDIRECT;
        private boolean accessLog;
        private RequestObserver observer = RequestObserver.NONE;
        private List<String> probePaths = List.of();

        private Builder(List<Endpoint> endpoints, Pipeline.Defaults defaults) {
            this.endpoints = java.util.Objects.requireNonNull(endpoints, "endpoints");
            this.defaults = java.util.Objects.requireNonNull(defaults, "defaults");
        }

        /** The global middlewares, outermost first; they run before the method check and see every answer. */
        public Builder middlewares(List<Middleware> middlewares) {
            this.middlewares = List.copyOf(middlewares);
            return this;
        }

        /** The renderer of error bodies; by default the {@link dev.portico.error.ErrorFormat#SIMPLE} format. */
        public Builder errors(ErrorRenderer errors) {
            this.errors = errors;
            return this;
        }

        /** The request limits: body size, query parameters, form fields. */
        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        /** How a path that differs from its template only by the trailing slash is answered. */
        public Builder trailingSlash(TrailingSlash trailingSlash) {
            this.trailingSlash = trailingSlash;
            return this;
        }

        /** Whether every request is logged in one line once answered. */
        public Builder accessLog(boolean accessLog) {
            this.accessLog = accessLog;
            return this;
        }

        /** The observer that sees every request's outcome; it is asked for each endpoint's recorder once. */
        public Builder observer(RequestObserver observer) {
            this.observer = observer;
            return this;
        }

        /**
         * The paths a middleware answers as probes before routing (core's {@code /health} and {@code /ready}): their
         * GETs are recorded by {@link RequestObserver#probe}, apart from the unmatched requests.
         */
        public Builder probePaths(List<String> probePaths) {
            this.probePaths = List.copyOf(probePaths);
            return this;
        }

        /** The application; fails on conflicting routes or an endpoint whose inputs cannot be bound. */
        public Application build() {
            if (errors == null) {
                errors = new ErrorRenderer(defaults.mapper(), dev.portico.error.ErrorFormat.SIMPLE);
            }
            return create(this);
        }
    }

    /** The endpoints served, in declaration order. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The renderer of error bodies, for servers that answer before the pipeline runs (503 while draining). */
    public ErrorRenderer errors() {
        return errors;
    }

    /**
     * Answers one request; never throws. The request id is in SLF4J's MDC as {@value #MDC_REQUEST_ID} for the
     * request's duration, so every line logged while it runs (the access line included) carries it.
     */
    public Response handle(Transport transport) {
        long start = System.nanoTime();
        HttpMethod method = HttpMethod.parseOrNull(transport.method());
        boolean page = pages && BrowsablePages.wanted(transport);
        Exchange exchange = new Exchange(
                page ? BrowsablePages.withoutFormat(transport) : transport,
                method,
                limits.bodySize(),
                queryParser,
                readers,
                client,
                guesses);
        exchange.browsable(page);
        MDC.put(MDC_REQUEST_ID, exchange.requestId());
        try {
            Response response = answer(transport, method, exchange);
            long nanos = System.nanoTime() - start;
            recorder(exchange, method, transport.rawPath()).record(response.status(), nanos);
            accessLog.log(transport.method(), transport.rawPath(), response.status(), nanos, exchange.requestId());
            return response;
        } finally {
            MDC.remove(MDC_REQUEST_ID);
        }
    }

    /** The endpoint's recorder; for a request that reached none, a probe's (GET or HEAD of its path) or unmatched. */
    private RequestObserver.Recorder recorder(Exchange exchange, HttpMethod method, String rawPath) {
        RequestObserver.Recorder endpoint = exchange.recorder(null);
        if (endpoint != null) {
            return endpoint;
        }
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return probes.getOrDefault(rawPath, unmatched);
        }
        return unmatched;
    }

    private static final String NOSNIFF = "X-Content-Type-Options";

    /** The MDC key of the request id. */
    public static final String MDC_REQUEST_ID = "request_id";

    private Response answer(Transport transport, HttpMethod method, Exchange exchange) {
        Response response;
        try {
            response = method == null ? unknownMethod(transport) : root.handle(exchange);
        } catch (ApiException e) {
            response = render(e);
        } catch (Throwable e) {
            response = serverError(exchange, e);
        }
        response = exchange.releaseAfter(response); // uploads' temporary files go whatever happened
        response.setHeader("X-Request-Id", exchange.requestId());
        if (response.headerValue(NOSNIFF).isEmpty()) { // browsers must not guess an HTML or script type in a JSON body
            response.header(NOSNIFF, "nosniff");
        }
        return response;
    }

    private Response unknownMethod(Transport transport) {
        RouteMatch<MethodDispatch> match = router.find(transport.rawPath());
        if (match instanceof RouteMatch.Found<MethodDispatch> found) {
            return errors.render(
                    new MethodNotAllowed(transport.method(), found.route().allow()));
        }
        return errors.render(new NotFound());
    }

    private Response dispatch(dev.portico.http.Request request) throws Exception {
        Exchange exchange = (Exchange) request;
        RouteMatch<MethodDispatch> match = router.find(exchange.transport().rawPath());
        return switch (match) {
            case RouteMatch.Found<MethodDispatch> found -> found.route().any().handle(exchange, found.values());
            case RouteMatch.Redirect<MethodDispatch> redirect -> redirect(exchange, redirect.location());
            case RouteMatch.Missing<MethodDispatch> missing -> throw new NotFound();
        };
    }

    private static Response redirect(Exchange exchange, String location) {
        String query = exchange.rawQuery();
        return Response.of(308).header("Location", query.isEmpty() ? location : location + "?" + query);
    }

    private Handler renderErrors(Handler next) {
        return request -> {
            try {
                return next.handle(request);
            } catch (ApiException e) {
                return render(e);
            } catch (Exception e) {
                return serverError(request, e);
            }
        };
    }

    /**
     * The error's response. The authentication stage has finished every refusal of an endpoint with authenticators;
     * one that reaches here unfinished comes from where none runs (an endpoint without them, a global middleware),
     * so {@link Refusal#none()} finishes it: a 401 without a challenge goes out as a 403 (RFC 9110, DRF).
     */
    private Response render(ApiException e) {
        return errors.render(Refusal.none().complete(e));
    }

    private Response serverError(dev.portico.http.Request request, Throwable e) {
        java.util.Optional<ApiException> unavailable = dev.portico.error.DependencyFailure.of(e);
        if (unavailable.isPresent()) {
            return errors.render(unavailable.get());
        }
        LOG.error("request {} failed: {} {}", request.requestId(), request.method(), safePath(request), e);
        return errors.serverError();
    }

    private static String safePath(dev.portico.http.Request request) {
        return request instanceof Exchange exchange ? exchange.transport().rawPath() : "";
    }
}
