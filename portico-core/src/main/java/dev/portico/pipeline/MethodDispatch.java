package dev.portico.pipeline;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.portico.auth.Permission;
import dev.portico.endpoint.Endpoint;
import dev.portico.error.ApiException;
import dev.portico.error.MethodNotAllowed;
import dev.portico.error.NotAcceptable;
import dev.portico.http.Handler;
import dev.portico.http.HttpMethod;
import dev.portico.http.MediaType;
import dev.portico.http.Response;
import dev.portico.metadata.Metadata;
import dev.portico.metadata.RouteInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The method stage of one path: picks the endpoint for the request's method, answers HEAD and OPTIONS itself,
 * refuses other methods with 405 and {@code Allow}, and refuses with 406 an {@code Accept} header that rules out
 * what the endpoint produces (unless the browsable API renders the answer). OPTIONS is DRF's metadata: the GET
 * endpoint's authentication and permissions run first (401/403 as for a GET), then {@link Metadata} lists the
 * writing methods whose permissions this caller passes and, on a path naming an object, whose object access
 * ({@code Policies.objectAccess}) allows it: DRF's {@code determine_actions} leaves PUT out when
 * {@code get_object()} fails.
 */
final class MethodDispatch {
    private final Target[] targets = new Target[HttpMethod.values().length];
    private final String allow;
    private final RouteInfo info;
    private final ObjectWriter json;

    /**
     * An endpoint, its composed pipeline, and its policies alone: {@code access} (authenticate and permit) and
     * {@code permit} (permit only), which answer who may call it without calling it.
     */
    record Target(
            Endpoint endpoint,
            Handler handler,
            List<String> produces,
            RequestObserver.Recorder recorder,
            Handler access,
            Handler permit) {}

    MethodDispatch(Map<HttpMethod, Target> byMethod, String allow, RouteInfo info, ObjectWriter json) {
        byMethod.forEach((method, target) -> targets[method.ordinal()] = target);
        this.allow = allow;
        this.info = info;
        this.json = json;
    }

    String allow() {
        return allow;
    }

    RouteInfo info() {
        return info;
    }

    Response handle(Exchange exchange, Object[] pathValues) throws Exception {
        HttpMethod method = exchange.method();
        Target target = targets[method.ordinal()];
        if (target == null) {
            if (method == HttpMethod.HEAD) {
                target = targets[HttpMethod.GET.ordinal()];
            } else if (method == HttpMethod.OPTIONS) {
                return options(exchange, pathValues);
            }
            if (target == null) {
                throw new MethodNotAllowed(method.name(), allow);
            }
        }
        String accept = exchange.header("Accept").orElse(null);
        if (accept != null && !exchange.browsable() && !acceptable(accept, target.produces())) {
            throw new NotAcceptable();
        }
        exchange.route(target.endpoint(), pathValues, target.recorder());
        return target.handler().handle(exchange);
    }

    /** DRF's OPTIONS: 200 with the metadata, after the main endpoint's authentication and permissions. */
    private Response options(Exchange exchange, Object[] pathValues) throws Exception {
        Target guard = targets[HttpMethod.GET.ordinal()];
        for (int i = 0; guard == null; i++) {
            guard = targets[i];
        }
        exchange.route(guard.endpoint(), pathValues, guard.recorder());
        guard.access().handle(exchange);
        byte[] body = json.writeValueAsBytes(Metadata.of(info, permitted(exchange, Metadata.ACTIONS)));
        return Response.of(200, MediaType.APPLICATION_JSON, body).header("Allow", allow);
    }

    /** The methods among {@code methods} whose endpoint's permissions let this request's caller through. */
    Set<HttpMethod> permitted(Exchange exchange, List<HttpMethod> methods) {
        Set<HttpMethod> permitted = EnumSet.noneOf(HttpMethod.class);
        for (HttpMethod method : methods) {
            Target target = targets[method.ordinal()];
            if (target != null && allows(exchange, target, method)) {
                permitted.add(method);
            }
        }
        return permitted;
    }

    private static boolean allows(Exchange exchange, Target target, HttpMethod method) {
        exchange.methodAs(method);
        try {
            target.permit().handle(exchange);
            Optional<Permission> object = target.endpoint().policies().objectAccess();
            // unrouted (a 405 page), the object is unknown: offer nothing that needs it
            return object.isEmpty()
                    || exchange.endpoint() != null && object.get().allows(exchange);
        } catch (ApiException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            exchange.methodAs(null);
        }
    }

    private static boolean acceptable(String accept, List<String> produces) {
        for (int i = 0; i < produces.size(); i++) {
            if (Negotiation.acceptable(accept, produces.get(i))) {
                return true;
            }
        }
        return false;
    }
}
