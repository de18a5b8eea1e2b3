package dev.portico.health;

import dev.portico.error.ApiException;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * {@code /health} and {@code /ready}, answered before everything else: the outermost global middleware, so no
 * authenticator, throttle, cache, session or CSRF check ever runs for them (a load balancer polls without
 * credentials, and must never be throttled into marking a healthy instance down). They are not endpoints, so the
 * OpenAPI document does not list them: they are the operator's, not the API's.
 *
 * <ul>
 *   <li>{@code GET /health} (liveness): 200 {@code {"status":"ok"}} as long as the process answers at all.</li>
 *   <li>{@code GET /ready} (readiness): every {@link HealthCheck} runs side by side, each on its own virtual thread,
 *       for at most {@code health.timeout}; all up is 200 {@code {"status":"ok","checks":{"database":"ok"}}}, and
 *       any down, or the server draining after SIGTERM, is 503 in the error format, the failed checks under
 *       {@code errors}, with {@code Retry-After: 1}.</li>
 * </ul>
 * Both answer {@code Cache-Control: no-store}, so no proxy keeps an old answer.
 */
public final class HealthEndpoints implements Middleware {
    private static final byte[] ALIVE = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final String healthPath;
    private final String readyPath;
    private final List<HealthCheck> checks;
    private final Duration timeout;
    private final BooleanSupplier draining;

    private HealthEndpoints(
            String healthPath, String readyPath, List<HealthCheck> checks, Duration timeout, BooleanSupplier draining) {
        this.healthPath = healthPath;
        this.readyPath = readyPath;
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
        this.draining = draining;
    }

    /**
     * The two paths ({@code ""} serves none), the checks {@code /ready} runs, their time limit, and what tells that
     * the server is shutting down.
     */
    public static HealthEndpoints create(
            String healthPath, String readyPath, List<HealthCheck> checks, Duration timeout, BooleanSupplier draining) {
        List<String> names = checks.stream().map(HealthCheck::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException(
                    "two health checks have the same name: " + names + " (give each dependency one check)");
        }
        if (!healthPath.isEmpty() && healthPath.equals(readyPath)) {
            throw new IllegalArgumentException("health.path and health.ready-path are both " + healthPath);
        }
        return new HealthEndpoints(healthPath, readyPath, checks, timeout, draining);
    }

    /** The paths served (an empty one is not), for the request observer to record apart. */
    public List<String> paths() {
        return java.util.stream.Stream.of(healthPath, readyPath)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    @Override
    public dev.portico.http.Handler wrap(dev.portico.http.Handler next) {
        return request -> {
            HttpMethod method = request.method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                String path = request.path();
                if (path.equals(healthPath)) {
                    return json(ALIVE);
                }
                if (path.equals(readyPath)) {
                    return ready();
                }
            }
            return next.handle(request);
        };
    }

    private Response ready() {
        if (draining.getAsBoolean()) {
            throw unavailable("The server is shutting down.", Map.of("server", List.of("shutting down")));
        }
        Map<String, Boolean> results = run();
        Map<String, List<String>> down = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder("{\"status\":\"ok\",\"checks\":{");
        results.forEach((name, up) -> {
            if (!up) {
                down.put(name, List.of("down"));
            }
            body.append(body.charAt(body.length() - 1) == '{' ? "" : ",")
                    .append('"')
                    .append(name)
                    .append("\":\"ok\"");
        });
        if (!down.isEmpty()) {
            throw unavailable("Service temporarily unavailable, try again later.", down);
        }
        return json(body.append("}}").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every check at once, so the slowest bounds the answer, not their sum; a late one counts as down. */
    private Map<String, Boolean> run() {
        List<CompletableFuture<Boolean>> running = new ArrayList<>(checks.size());
        for (HealthCheck check : checks) {
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            Thread.ofVirtual().name("portico-health-" + check.name()).start(() -> {
                try {
                    result.complete(check.healthy());
                } catch (Throwable e) {
                    result.complete(false);
                }
            });
            running.add(result);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Boolean> results = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            results.put(checks.get(i).name(), await(running.get(i), deadline));
        }
        return results;
    }

    private static boolean await(CompletableFuture<Boolean> result, long deadline) {
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ApiException unavailable(String detail, Map<String, List<String>> errors) {
        return new ApiException(503, "service_unavailable", detail, errors)
                .withHeader("Retry-After", "1")
                .withHeader("Cache-Control", "no-store");
    }

    private static Response json(byte[] body) {
        return Response.of(200, "application/json", body).header("Cache-Control", "no-store");
    }
}
