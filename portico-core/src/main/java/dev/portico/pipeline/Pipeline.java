package dev.portico.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.Refusal;
import dev.portico.cache.ResponseCache;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import dev.portico.http.Handler;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Request;
import dev.portico.http.Response;
import dev.portico.throttle.Throttle;
import dev.portico.throttle.ThrottleStore;
import dev.portico.validation.InputValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Composes the pipeline of one endpoint, once, at startup. The order is the code: {@link #compose} puts the
 * endpoint's own middlewares outside the stages of {@link #STAGES}, in that list's order, around the endpoint; the
 * global middlewares and the method check ({@link MethodDispatch}, which chose the endpoint) run before all of it.
 * Stages with nothing to do (no authenticators, no throttle, no inputs, no caching) are left out of the chain rather
 * than run as no-ops, so a bare endpoint costs no more than its own code. {@code PipelineOrderTest} pins the order.
 */
public final class Pipeline {

    /** What the application configures for every endpoint, and what the stages share. */
    public record Defaults(
            List<Authenticator> authenticators,
            List<Permission> permissions,
            Optional<Throttle> throttle,
            ResponseCache cache,
            Function<Request, String> callerKey,
            ObjectMapper mapper,
            BodyReaders readers,
            ThrottleStore throttleStore,
            dev.portico.http.ClientAddress clientAddress,
            dev.portico.auth.Guesses guesses,
            Optional<dev.portico.metadata.PageRenderer> pages) {}

    /** Makes one stage of an endpoint, or none when the stage would have nothing to do. */
    @FunctionalInterface
    private interface StageFactory {
        Optional<Middleware> create(Endpoint endpoint, Defaults defaults);
    }

    /**
     * The stages around every endpoint, outermost first: who is calling (every 401 below leaves with the
     * challenge), may they, not too often, inputs bound and checked, then the cache, which reads before the endpoint
     * and stores after it.
     */
    private static final List<StageFactory> STAGES =
            List.of(Pipeline::authenticate, Pipeline::permit, Pipeline::throttle, Pipeline::validate, Pipeline::cache);

    private Pipeline() {}

    /** The endpoint's handler: its own middlewares, then {@link #STAGES} in order, around its code. */
    public static Handler compose(Endpoint endpoint, Defaults defaults) {
        List<Middleware> stages = new ArrayList<>(endpoint.middlewares());
        for (StageFactory stage : STAGES) {
            stage.create(endpoint, defaults).ifPresent(stages::add);
        }
        Handler handler = new EndpointStage(endpoint, defaults.mapper());
        for (int i = stages.size() - 1; i >= 0; i--) {
            handler = stages.get(i).wrap(handler);
        }
        return handler;
    }

    /**
     * Who may call the endpoint, without calling it: its authenticate and permit stages around an empty answer. The
     * OPTIONS answer runs it for the path's GET endpoint, as DRF's {@code initial()} runs for OPTIONS.
     */
    static Handler access(Endpoint endpoint, Defaults defaults) {
        Handler handler = ALLOWED;
        Optional<Middleware> permit = permit(endpoint, defaults);
        if (permit.isPresent()) {
            handler = permit.get().wrap(handler);
        }
        List<Authenticator> authenticators = authenticators(endpoint, defaults);
        return authenticators.isEmpty()
                ? handler
                : new AuthenticationStage(authenticators, Refusal.of(authenticators)).wrap(handler);
    }

    /**
     * The endpoint's permit stage alone, for a caller already authenticated: whether OPTIONS lists its method under
     * {@code actions} and the browsable API shows its form (DRF asks {@code check_permissions} the same way).
     */
    static Handler permitOnly(Endpoint endpoint, Defaults defaults) {
        return permit(endpoint, defaults).map(m -> m.wrap(ALLOWED)).orElse(ALLOWED);
    }

    private static final Handler ALLOWED = request -> Response.of(204);

    private static List<Authenticator> authenticators(Endpoint endpoint, Defaults defaults) {
        return endpoint.policies().authenticators().orElse(defaults.authenticators());
    }

    /** The endpoint's one rule for 401 and 403 ({@link Refusal}), with its challenge chosen now, not per request. */
    private static Refusal refusal(Endpoint endpoint, Defaults defaults) {
        return Refusal.of(authenticators(endpoint, defaults));
    }

    /**
     * Who is calling. Without authenticators the stage is left out, unless the endpoint has middlewares of its own:
     * they run outside it and must see every refusal finished, never a 401 without a challenge.
     */
    private static Optional<Middleware> authenticate(Endpoint endpoint, Defaults defaults) {
        List<Authenticator> authenticators = authenticators(endpoint, defaults);
        CallerCheck.check(endpoint, authenticators);
        if (authenticators.isEmpty() && endpoint.middlewares().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticationStage(authenticators, refusal(endpoint, defaults)));
    }

    private static Optional<Middleware> permit(Endpoint endpoint, Defaults defaults) {
        List<Permission> permissions = endpoint.policies().permissions().orElse(defaults.permissions());
        if (permissions.isEmpty()) {
            return Optional.empty();
        }
        CallerCheck.permissions(endpoint, permissions, authenticators(endpoint, defaults));
        return Optional.of(new PermissionStage(permissions, refusal(endpoint, defaults)));
    }

    private static Optional<Middleware> throttle(Endpoint endpoint, Defaults defaults) {
        // an endpoint's own throttle counts apart from every other endpoint; the default is one count across them
        Optional<Throttle> bound = endpoint.policies()
                .throttle()
                .map(t -> t.bind(
                        defaults.throttleStore(),
                        endpoint.method() + " " + endpoint.path().template()))
                .or(() -> defaults.throttle().map(t -> t.bind(defaults.throttleStore(), "default")));
        return bound.map(t -> new ThrottleStage(t, defaults.callerKey()));
    }

    private static Optional<Middleware> validate(Endpoint endpoint, Defaults defaults) {
        java.util.Set<String> credentialFields = new java.util.HashSet<>();
        authenticators(endpoint, defaults).forEach(a -> credentialFields.addAll(a.formFields()));
        Binder binder = Binder.create(endpoint, defaults.readers(), credentialFields, refusal(endpoint, defaults));
        return binder.isEmpty()
                ? Optional.empty()
                : Optional.of(new InputStage(
                        binder,
                        InputValidator.create(endpoint, defaults.readers().naming())));
    }

    private static Optional<Middleware> cache(Endpoint endpoint, Defaults defaults) {
        if (!endpoint.policies().invalidates().isEmpty()) {
            if (endpoint.policies().cacheFor().isPresent()) {
                throw new IllegalStateException(endpoint.describe() + " both caches and invalidates; a read caches, "
                        + "a write invalidates: keep one");
            }
            return defaults.cache() == ResponseCache.none()
                    ? Optional.empty()
                    : Optional.of(new InvalidationStage(
                            defaults.cache(), endpoint.policies().invalidates()));
        }
        if (endpoint.policies().cacheFor().isEmpty()) {
            return Optional.empty();
        }
        Duration ttl = endpoint.policies().cacheFor().get();
        if (endpoint.method() != HttpMethod.GET) {
            throw new IllegalStateException(endpoint.describe() + " asks for response caching, which only GET "
                    + "endpoints may use; remove cacheFor(...)");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(ResponseCache.MAX_TTL) > 0) {
            throw new IllegalStateException(endpoint.describe() + " asks to cache for " + ttl + "; give cacheFor(...) "
                    + "a duration above zero and at most " + ResponseCache.MAX_TTL);
        }
        String tag = endpoint.policies().cacheTag().orElse(endpoint.path().template());
        return Optional.of(new CacheStage(
                defaults.cache(),
                ttl,
                tag,
                defaults.callerKey(),
                fingerprint(endpoint, defaults),
                CacheVary.of(endpoint, authenticators(endpoint, defaults))));
    }

    /** Which inputs go into the cache key besides path and query, which the key holds already. */
    private static CacheStage.Fingerprint fingerprint(Endpoint endpoint, Defaults defaults) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < endpoint.inputs().size(); i++) {
            Input input = endpoint.inputs().get(i);
            if (input instanceof Input.Header || input instanceof Input.Cookie || input instanceof Input.Body) {
                indexes.add(i);
            }
        }
        return new CacheStage.Fingerprint(
                indexes.stream().mapToInt(Integer::intValue).toArray(),
                defaults.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS));
    }
}
