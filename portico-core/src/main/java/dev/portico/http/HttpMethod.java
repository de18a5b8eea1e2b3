package dev.portico.http;

import java.util.Locale;
import java.util.Optional;

/** The HTTP methods an endpoint can be declared for, plus HEAD and OPTIONS which the framework answers itself. */
public enum HttpMethod {
    GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS;

    private static final HttpMethod[] VALUES = values();

    /** The method named by {@code name} (case-sensitive, as HTTP says), or empty for an extension method. */
    public static Optional<HttpMethod> parse(String name) {
        for (HttpMethod m : VALUES) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Whether a request with this method normally carries a body that the endpoint reads. */
    public boolean hasBody() {
        return this == POST || this == PUT || this == PATCH;
    }

    /** The lower-case name, as used in OpenAPI path items. */
    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
