package dev.portico.test;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cookies a client keeps between requests, as a browser of one site does (RFC 6265): set by {@code Set-Cookie},
 * replaced by a later one of the same name, removed by an empty value or an expiry in the past, and forgotten once its
 * {@code Max-Age} (which wins over {@code Expires}) or {@code Expires} has passed. Time is the client's clock: the
 * application's for an in-process client, so a test's {@code MutableClock} ages cookies as it ages everything else.
 * Paths and domains are not compared: a test client talks to one application.
 */
public final class CookieJar {
    /** A cookie's value and when it goes, or null for a session cookie (kept until the client forgets it). */
    private record Held(String value, Instant expires) {}

    private final Map<String, Held> cookies = new LinkedHashMap<>();
    private final Clock clock;

    CookieJar(Clock clock) {
        this.clock = clock;
    }

    /** The value of cookie {@code name}, if held and not expired. */
    public synchronized Optional<String> get(String name) {
        dropExpired();
        return Optional.ofNullable(cookies.get(name)).map(Held::value);
    }

    /** Every cookie held and not expired, by name. */
    public synchronized Map<String, String> all() {
        dropExpired();
        Map<String, String> values = new LinkedHashMap<>();
        cookies.forEach((name, held) -> values.put(name, held.value()));
        return Map.copyOf(values);
    }

    /** Sets a session cookie by hand, as if the server had. */
    public synchronized void put(String name, String value) {
        cookies.put(name, new Held(value, null));
    }

    /** The time on the jar's clock, which dates what the client receives. */
    Instant now() {
        return clock.instant();
    }

    /** Forgets every cookie. */
    public synchronized void clear() {
        cookies.clear();
    }

    synchronized CookieJar copy() {
        CookieJar copy = new CookieJar(clock);
        copy.cookies.putAll(cookies);
        return copy;
    }

    /** The {@code Cookie} header value, or empty when no cookie is held. */
    synchronized Optional<String> header() {
        dropExpired();
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().value())
                .collect(Collectors.joining("; ")));
    }

    /** Applies every {@code Set-Cookie} of a response. */
    synchronized void receive(List<String> setCookies) {
        Instant now = clock.instant();
        for (String header : setCookies) {
            String name = Cookies.name(header);
            if (name.isEmpty()) {
                continue; // not a cookie a browser would keep
            }
            String value = Cookies.value(header);
            if (value.isEmpty() || Cookies.expired(header, now)) {
                cookies.remove(name);
            } else {
                cookies.put(name, new Held(value, Cookies.expiry(header, now)));
            }
        }
    }

    private void dropExpired() {
        Instant now = clock.instant();
        cookies.values()
                .removeIf(held -> held.expires() != null && !held.expires().isAfter(now));
    }
}
