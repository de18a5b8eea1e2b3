package dev.portico.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * How an authenticator's credentials travel, for the OpenAPI document's {@code components.securitySchemes}: an
 * authenticator that returns one from {@link Authenticator#scheme()} is listed in the {@code security} of every
 * operation it guards. {@code name} is the component's name; two different schemes with one name fail the build.
 *
 * <pre>{@code
 * SecurityScheme.bearer("jwtAuth", "JWT")                        // Authorization: Bearer <token>
 * SecurityScheme.basic("basicAuth")                              // Authorization: Basic <base64>
 * SecurityScheme.apiKeyHeader("apiKeyAuth", "Authorization", "Api-Key")  // Authorization: Api-Key <key>
 * SecurityScheme.apiKeyCookie("cookieAuth", "sessionid")        // Cookie: sessionid=<id>
 * }</pre>
 *
 * @param name the component name, such as {@code jwtAuth}
 * @param kind how the credentials are sent
 * @param parameter the header or cookie of an API key; empty for the HTTP schemes
 * @param bearerFormat a hint of the bearer token's format ({@code JWT}); empty otherwise
 * @param description what a client should send, for the reader of the document
 */
public record SecurityScheme(
        String name,
        Kind kind,
        Optional<String> parameter,
        Optional<String> bearerFormat,
        Optional<String> description) {

    /** How the credentials are sent. */
    public enum Kind {
        /** {@code Authorization: Bearer <token>} (OpenAPI {@code type: http, scheme: bearer}). */
        BEARER,
        /** {@code Authorization: Basic <base64>} (OpenAPI {@code type: http, scheme: basic}). */
        BASIC,
        /** A key in a request header (OpenAPI {@code type: apiKey, in: header}). */
        API_KEY_HEADER,
        /** A key in a cookie, such as a session id (OpenAPI {@code type: apiKey, in: cookie}). */
        API_KEY_COOKIE,
        /**
         * A key in a query parameter (OpenAPI {@code type: apiKey, in: query}): seed 002's {@code authorisation},
         * which a form body may carry too (documented there, since a form field is no apiKey location).
         */
        API_KEY_QUERY
    }

    /** Checks that the parts fit the kind. */
    public SecurityScheme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("security scheme name '" + name + "' is not a valid OpenAPI component"
                    + " name; use letters, digits, '.', '_' or '-' (such as jwtAuth)");
        }
        boolean apiKey = kind == Kind.API_KEY_HEADER || kind == Kind.API_KEY_COOKIE || kind == Kind.API_KEY_QUERY;
        if (apiKey != parameter.isPresent()) {
            throw new IllegalArgumentException("security scheme '" + name + "' (" + kind + ") "
                    + (apiKey
                            ? "needs the header, cookie or query parameter that carries the key"
                            : "takes no header or cookie name"));
        }
        if (kind != Kind.BEARER && bearerFormat.isPresent()) {
            throw new IllegalArgumentException(
                    "security scheme '" + name + "': only a bearer scheme has a bearerFormat");
        }
    }

    /** A bearer token in {@code Authorization}, of the given format ({@code JWT}). */
    public static SecurityScheme bearer(String name, String bearerFormat) {
        return new SecurityScheme(name, Kind.BEARER, Optional.empty(), Optional.of(bearerFormat), Optional.empty());
    }

    /** A bearer token in {@code Authorization}, of no particular format. */
    public static SecurityScheme bearer(String name) {
        return new SecurityScheme(name, Kind.BEARER, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** HTTP basic authentication. */
    public static SecurityScheme basic(String name) {
        return new SecurityScheme(name, Kind.BASIC, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An API key sent as the whole value of {@code header} ({@code X-Api-Key: <key>}). */
    public static SecurityScheme apiKeyHeader(String name, String header) {
        return new SecurityScheme(name, Kind.API_KEY_HEADER, Optional.of(header), Optional.empty(), Optional.empty());
    }

    /**
     * An API key sent after a keyword in {@code header}, as DRF's {@code Authorization: Token <key>} and
     * DRF-API-Key's {@code Authorization: Api-Key <key>}. OpenAPI cannot describe the keyword, so the scheme is
     * an API key in the header whose description names it, as drf-spectacular writes
     * ({@code API key authentication with required prefix "Api-Key"}).
     */
    public static SecurityScheme apiKeyHeader(String name, String header, String prefix) {
        return new SecurityScheme(
                name,
                Kind.API_KEY_HEADER,
                Optional.of(header),
                Optional.empty(),
                Optional.of("API key authentication with required prefix \"" + prefix + "\""));
    }

    /** A key in {@code cookie}, such as a session id. */
    public static SecurityScheme apiKeyCookie(String name, String cookie) {
        return new SecurityScheme(name, Kind.API_KEY_COOKIE, Optional.of(cookie), Optional.empty(), Optional.empty());
    }

    /** A key in the query parameter {@code parameter}. */
    public static SecurityScheme apiKeyQuery(String name, String parameter) {
        return new SecurityScheme(name, Kind.API_KEY_QUERY, Optional.of(parameter), Optional.empty(), Optional.empty());
    }

    /** This scheme with {@code description} instead of its own. */
    public SecurityScheme description(String description) {
        return new SecurityScheme(name, kind, parameter, bearerFormat, Optional.of(description));
    }
}
