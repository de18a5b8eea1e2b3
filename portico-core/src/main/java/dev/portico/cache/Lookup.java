package dev.portico.cache;

import java.util.Optional;

/**
 * What {@link ResponseCache#lookup} found: the response stored under the key in the tag's current generation,
 * and that generation, so that {@link ResponseCache#store} files a fresh response under the generation that was
 * current <em>before</em> the endpoint read its data. A write that invalidates the tag in between moves readers
 * to a new generation, and the response built from the old data is never read.
 *
 * @param key the key looked up
 * @param generation the tag's generation when it was looked up
 * @param hit the stored response, if there was a fresh one
 */
public record Lookup(CacheKey key, long generation, Optional<CachedResponse> hit) {}
