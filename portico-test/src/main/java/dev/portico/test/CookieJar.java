package dev.portico.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cookies a client keeps between requests, as a browser of one site does: set by {@code Set-Cookie}, replaced by
 * a later one of the same name, removed by an empty value, {@code Max-Age=0} or a past {@code Expires}. Paths and
 * domains are not compared: a test client talks to one application.
 */
public final class CookieJar {
    private final Map<String, String> cookies = new LinkedHashMap<>();

    CookieJar() {
    }

    /** The value of cookie {@code name}, if held. */
    public synchronized Optional<String> get(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Every cookie held, by name. */
    public synchronized Map<String, String> all() {
        return Map.copyOf(cookies);
    }

    /** Sets a cookie by hand, as if the server had. */
    public synchronized void put(String name, String value) {
        cookies.put(name, value);
    }

    /** Forgets every cookie. */
    public synchronized void clear() {
        cookies.clear();
    }

    synchronized CookieJar copy() {
        CookieJar copy = new CookieJar();
        copy.cookies.putAll(cookies);
        return copy;
    }

    /** The {@code Cookie} header value, or empty when no cookie is held. */
    synchronized Optional<String> header() {
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
    }

    /** Applies every {@code Set-Cookie} of a response. */
    synchronized void receive(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue; // not a cookie a browser would keep
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || removes(header)) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static boolean removes(String header) {
        String lower = header.toLowerCase(Locale.ROOT).replace(" ", "");
        if (lower.contains(";max-age=0") || lower.contains(";max-age=-")) {
            return true;
        }
        int expires = lower.indexOf(";expires=");
        if (expires < 0) {
            return false;
        }
        String date = header.substring(header.toLowerCase(Locale.ROOT).indexOf("expires=") + 8).split(";", 2)[0].strip();
        try {
            return java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().isBefore(java.time.Instant.now());
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
