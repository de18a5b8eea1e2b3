package dev.portico.cache;

import java.util.Objects;

/**
 * Where one cached response is filed: seed 003's key, split in the parts a store needs.
 *
 * <p>{@code tag} is what invalidation drops ({@link ResponseCache#invalidate}): a resource's prefix for its
 * list and retrieve endpoints, else the endpoint's path template. {@code caller} is the user id, else the
 * client IP ({@code user:42}, {@code ip:10.0.0.7}), so one caller's response is never served to another.
 * {@code request} is the path, the normalised query and the validated inputs the query does not already hold;
 * a store that needs a short key hashes it.
 *
 * @param tag the invalidation tag
 * @param caller who asked: the user id, else the client IP
 * @param request what was asked: path, normalised query, validated inputs
 */
public record CacheKey(String tag, String caller, String request) {

    /** Checks that no part is null. */
    public CacheKey {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(request, "request");
    }
}
