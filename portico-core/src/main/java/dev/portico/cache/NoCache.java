package dev.portico.cache;

import java.time.Duration;
import java.util.Optional;

/** {@link ResponseCache#none()}: one instance, so the pipeline can tell that there is nothing to invalidate. */
enum NoCache implements ResponseCache {
    INSTANCE;

    @Override
    public Lookup lookup(CacheKey key) {
        return new Lookup(key, 0, Optional.empty());
    }

    @Override
    public void store(Lookup lookup, CachedResponse response, Duration ttl) {}

    @Override
    public void invalidate(String tag) {}
}
