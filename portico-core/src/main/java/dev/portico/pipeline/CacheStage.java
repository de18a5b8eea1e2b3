package dev.portico.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.portico.cache.CacheKey;
import dev.portico.cache.CachedResponse;
import dev.portico.cache.Lookup;
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
 * Serves a stored response for a GET endpoint that opted in, or runs the endpoint and stores its 200 answer.
 * The key is seed 003's (see {@link CacheKey}): the caller (user id, else client IP), the path, the normalised
 * query and the validated inputs, so one caller's response is never served to another. Every answer says
 * {@code X-Cache: HIT} or {@code MISS}; an answer to a known caller is {@code Cache-Control: private}, and an
 * endpoint with authenticators or header inputs names what it varies on in {@code Vary}, so a shared HTTP cache
 * in front of the application cannot mix callers either.
 *
 * <p>Not stored: other statuses, streamed bodies, and answers the endpoint marked {@code no-store}. An answer
 * the endpoint marked {@code private} is stored, since this cache is per caller already.
 */
final class CacheStage implements Middleware {
    private final ResponseCache cache;
    private final Duration ttl;
    private final String tag;
    private final Function<Request, String> callerKey;
    private final Fingerprint fingerprint;
    private final Optional<String> vary;

    /** The inputs of the key beyond path and query: header, cookie and body inputs, written as sorted JSON. */
    record Fingerprint(int[] indexes, ObjectWriter writer) {
        boolean isEmpty() {
            return indexes.length == 0;
        }

        String of(Object[] arguments) {
            Object[] values = new Object[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                values[i] = arguments[indexes[i]];
            }
            try {
                return writer.writeValueAsString(values);
            } catch (JsonProcessingException e) {
                return Arrays.deepToString(values); // a value Jackson cannot write still has a stable text
            }
        }
    }

    CacheStage(
            ResponseCache cache,
            Duration ttl,
            String tag,
            Function<Request, String> callerKey,
            Fingerprint fingerprint,
            Optional<String> vary) {
        this.cache = cache;
        this.ttl = ttl;
        this.tag = tag;
        this.callerKey = callerKey;
        this.fingerprint = fingerprint;
        this.vary = vary;
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            Lookup lookup = cache.lookup(key(request)); // CACHE_READ
            if (lookup.hit().isPresent()) {
                return headers(request, lookup.hit().get().toResponse(), "HIT");
            }
            Response response = next.handle(request); // ENDPOINT
            if (storable(response)) {
                cache.store(lookup, CachedResponse.of(response), ttl); // CACHE_WRITE
            }
            return headers(request, response, "MISS");
        };
    }

    CacheKey key(Request request) {
        StringBuilder what = new StringBuilder(request.path()).append('?');
        normalisedQuery(request.rawQuery(), what);
        if (!fingerprint.isEmpty()) {
            what.append('#').append(fingerprint.of(request.arguments()));
        }
        return new CacheKey(tag, callerKey.apply(request), what.toString());
    }

    /**
     * The query's parameters sorted by name, each name's values kept in the order sent (a list's order can
     * matter), so {@code b=1&a=2} and {@code a=2&b=1} share an entry. Values stay percent-encoded: two
     * spellings of one value only cost a second entry.
     */
    static void normalisedQuery(String raw, StringBuilder out) {
        if (raw.isEmpty()) {
            return;
        }
        if (raw.indexOf('&') < 0) {
            out.append(raw);
            return;
        }
        String[] pairs = raw.split("&");
        Arrays.sort(pairs, CacheStage::byName); // stable: equal names keep their order
        boolean first = true;
        for (String pair : pairs) {
            if (!pair.isEmpty()) {
                out.append(first ? "" : "&").append(pair);
                first = false;
            }
        }
    }

    private static int byName(String a, String b) {
        int la = a.indexOf('=') < 0 ? a.length() : a.indexOf('=');
        int lb = b.indexOf('=') < 0 ? b.length() : b.indexOf('=');
        int n = Math.min(la, lb);
        for (int i = 0; i < n; i++) {
            int d = a.charAt(i) - b.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return la - lb;
    }

    private static boolean storable(Response response) {
        return response.status() == 200
                && response.writer().isEmpty()
                && !response.headerValue("Cache-Control")
                        .map(v -> v.contains("no-store"))
                        .orElse(false);
    }

    private Response headers(Request request, Response response, String outcome) {
        if (request.principal().isPresent()) {
            response.setHeader("Cache-Control", privately(response.headerValue("Cache-Control")));
        }
        if (vary.isPresent()) {
            Optional<String> old = response.headerValue("Vary");
            response.setHeader("Vary", old.isPresent() ? merge(old.get(), vary.get()) : vary.get());
        }
        return response.setHeader("X-Cache", outcome);
    }

    /** The endpoint's own directives kept, {@code public} taken out and {@code private} put first. */
    static String privately(Optional<String> cacheControl) {
        if (cacheControl.isEmpty()) {
            return "private";
        }
        StringBuilder out = new StringBuilder("private");
        for (String directive : cacheControl.get().split(",")) {
            String d = directive.trim();
            if (!d.isEmpty() && !d.equalsIgnoreCase("public") && !d.equalsIgnoreCase("private")) {
                out.append(", ").append(d);
            }
        }
        return out.toString();
    }

    private static String merge(String existing, String ours) {
        StringBuilder out = new StringBuilder(existing);
        for (String name : ours.split(", ")) {
            boolean present = false;
            for (String e : existing.split(",")) {
                present |= e.trim().equalsIgnoreCase(name);
            }
            if (!present) {
                out.append(", ").append(name);
            }
        }
        return out.toString();
    }
}
