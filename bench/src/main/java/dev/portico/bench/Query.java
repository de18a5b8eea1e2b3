package dev.portico.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The first value of a query parameter, for the raw baselines (no framework's query parsing). */
final class Query {
    private Query() {}

    static String first(String raw, String name) {
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static int intOr(String raw, String name, int fallback) {
        String value = first(raw, name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
