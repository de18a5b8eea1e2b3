package dev.portico.pipeline;

import dev.portico.cache.ResponseCache;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import java.util.List;

/**
 * The cache-write slot of a write endpoint: once the endpoint has run, the cached reads filed under its tags are
 * dropped. It runs whatever the endpoint answered, errors included: a write may have been committed before an
 * error, and a needless invalidation only costs a miss, while a missed one serves stale data for a whole TTL.
 * Callers refused earlier (401, 403, 429, 400) never get here, so they cannot empty the cache.
 */
final class InvalidationStage implements Middleware {
    private final ResponseCache cache;
    private final String[] tags;

    InvalidationStage(ResponseCache cache, List<String> tags) {
        this.cache = cache;
        this.tags = tags.toArray(String[]::new);
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            try {
                return next.handle(request); // ENDPOINT
            } finally {
                for (String tag : tags) {
                    cache.invalidate(tag); // CACHE_WRITE: the tag's reads dropped
                }
            }
        };
    }
}
