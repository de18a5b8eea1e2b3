package dev.portico.pipeline;

import dev.portico.cache.ResponseCache;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Serves a stored response for a GET endpoint that opted in, or runs the endpoint and stores a 200 answer.
 * The key is seed 003's: the caller (user id, else client IP), the path, the normalised query and the
 * validated inputs, so one caller's response is never served to another.
 */
final class CacheStage implements Middleware {
    private final ResponseCache cache;
    private final Duration ttl;
    private final Function<Request, String> callerKey;

    CacheStage(ResponseCache cache, Duration ttl, Function<Request, String> callerKey) {
        this.cache = cache;
        this.ttl = ttl;
        this.callerKey = callerKey;
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            String key = key(request);
            Optional<Response> hit = cache.get(key);
            if (hit.isPresent()) {
                return hit.get().copy().setHeader("X-Cache", "HIT");
            }
            Response response = next.handle(request);
            if (response.status() == 200 && response.writer().isEmpty()) {
                cache.put(key, response.copy().removeHeader("Set-Cookie"), ttl);
            }
            return response.setHeader("X-Cache", "MISS");
        };
    }

    private String key(Request request) {
        String caller = callerKey.apply(request);
        String[] query = request.rawQuery().isEmpty() ? new String[0] : request.rawQuery().split("&");
        Arrays.sort(query);
        return caller + " " + request.path() + "?" + String.join("&", query)
                + " " + Arrays.deepToString(request.arguments());
    }
}
