package dev.portico.pipeline;

import dev.portico.endpoint.Endpoint;
import dev.portico.error.MethodNotAllowed;
import dev.portico.error.NotAcceptable;
import dev.portico.http.Handler;
import dev.portico.http.HttpMethod;
import dev.portico.http.Response;
import java.util.Map;

/**
 * The method stage of one path: picks the endpoint for the request's method, answers OPTIONS and HEAD
 * itself, refuses other methods with 405 and {@code Allow}, and refuses with 406 an {@code Accept} header
 * that rules out what the endpoint produces.
 */
final class MethodDispatch {
    private final Target[] targets = new Target[HttpMethod.values().length];
    private final String allow;

    /** An endpoint and its composed pipeline. */
    record Target(Endpoint endpoint, Handler handler, java.util.List<String> produces,
                  RequestObserver.Recorder recorder) {
    }

    MethodDispatch(Map<HttpMethod, Target> byMethod, String allow) {
        byMethod.forEach((method, target) -> targets[method.ordinal()] = target);
        this.allow = allow;
    }

    String allow() {
        return allow;
    }

    Response handle(Exchange exchange, Object[] pathValues) throws Exception {
        HttpMethod method = exchange.method();
        Target target = targets[method.ordinal()];
        if (target == null) {
            if (method == HttpMethod.HEAD) {
                target = targets[HttpMethod.GET.ordinal()];
            } else if (method == HttpMethod.OPTIONS) {
                return Response.of(204).header("Allow", allow);
            }
            if (target == null) {
                throw new MethodNotAllowed(method.name(), allow);
            }
        }
        String accept = exchange.header("Accept").orElse(null);
        if (accept != null && !acceptable(accept, target.produces())) {
            throw new NotAcceptable();
        }
        exchange.route(target.endpoint(), pathValues, target.recorder());
        return target.handler().handle(exchange);
    }

    private static boolean acceptable(String accept, java.util.List<String> produces) {
        for (int i = 0; i < produces.size(); i++) {
            if (Negotiation.acceptable(accept, produces.get(i))) {
                return true;
            }
        }
        return false;
    }
}
