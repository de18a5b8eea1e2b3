package dev.portico.http;

import java.util.Locale;
import java.util.Optional;

/** The HTTP methods an endpoint can be declared for, plus HEAD and OPTIONS which the framework answers itself. */
public enum HttpMethod {
    GET,
    HEAD,
    POST,
    PUT,
    PATCH,
    DELETE,
    OPTIONS;

    /** The method named by {@code name} (case-sensitive, as HTTP says), or empty for an extension method. */
    public static Optional<HttpMethod> parse(String name) {
        return Optional.ofNullable(parseOrNull(name));
    }

    /** The method named by {@code name}, or null for an extension method; allocation-free for the request path. */
    public static HttpMethod parseOrNull(String name) {
        return switch (name) {
            case "GET" -> GET;
            case "HEAD" -> HEAD;
            case "POST" -> POST;
            case "PUT" -> PUT;
            case "PATCH" -> PATCH;
            case "DELETE" -> DELETE;
            case "OPTIONS" -> OPTIONS;
            default -> null;
        };
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
