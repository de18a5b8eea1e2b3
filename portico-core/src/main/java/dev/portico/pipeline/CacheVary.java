package dev.portico.pipeline;

import dev.portico.auth.Authenticator;
import dev.portico.auth.SecurityScheme;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Vary} of a cached endpoint, decided once at startup from the endpoint model: the request headers
 * its authenticators read (from their security schemes; {@code Authorization} and {@code Cookie} for one that
 * documents none) and the headers it binds as inputs. Without it a shared cache in front of the application
 * could answer one caller with another's response.
 */
final class CacheVary {
    private CacheVary() {}

    static Optional<String> of(Endpoint endpoint, List<Authenticator> authenticators) {
        List<String> names = new ArrayList<>();
        for (Authenticator authenticator : authenticators) {
            Optional<SecurityScheme> scheme = authenticator.scheme();
            if (scheme.isEmpty()) {
                add(names, "Authorization");
                add(names, "Cookie");
                continue;
            }
            switch (scheme.get().kind()) {
                case BEARER, BASIC -> add(names, "Authorization");
                case API_KEY_HEADER -> add(names, scheme.get().parameter().orElse("Authorization"));
                case API_KEY_COOKIE -> add(names, "Cookie");
                case API_KEY_QUERY -> {} // the query string is in the cache key already
            }
        }
        for (Input input : endpoint.inputs()) {
            if (input instanceof Input.Header h) {
                add(names, h.name());
            } else if (input instanceof Input.Cookie) {
                add(names, "Cookie");
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
    }

    private static void add(List<String> names, String name) {
        if (names.stream().noneMatch(name::equalsIgnoreCase)) {
            names.add(name);
        }
    }
}
