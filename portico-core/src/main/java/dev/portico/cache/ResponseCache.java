package dev.portico.cache;

import dev.portico.http.Response;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the response-cache stage keeps responses of GET endpoints that opted in. The stage builds the key
 * (caller, path, query and validated input); a store only keeps bytes.
 */
public interface ResponseCache {

    /** The stored response for {@code key}, if present and fresh. */
    Optional<Response> get(String key);

    /** Stores a response for {@code ttl}. */
    void put(String key, Response response, Duration ttl);

    /** A cache that stores nothing: the neutral default when no store is configured. */
    static ResponseCache none() {
        return new ResponseCache() {
            @Override
            public Optional<Response> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, Response response, Duration ttl) {
            }
        };
    }
}
