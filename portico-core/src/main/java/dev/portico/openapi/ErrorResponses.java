package dev.portico.openapi;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import dev.portico.error.ErrorFormat;
import dev.portico.http.MediaType;
import dev.portico.throttle.Throttle;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Optional;

/**
 * Documents the errors each endpoint can answer, from what the endpoint is: 400 when it reads query,
 * header, cookie or body input; 401 (with {@code WWW-Authenticate}) when authenticators apply, since bad
 * credentials are a 401 and so is an anonymous caller a permission refuses; 403 when permissions do (a known
 * caller refused, or anyone where no authenticator runs); 404 when its
 * path has parameters; 405 always (the method check answers every route); 413 and 415 when it reads a
 * body; 429 when a throttle applies. Every one refers to the {@code Error} component (or {@code Problem}
 * with {@code errors.format=problem}), as the error renderer writes it.
 */
final class ErrorResponses {
    static final String ERROR = "Error";
    static final String PROBLEM = "Problem";

    /** The application's default policies, which apply where an endpoint has none of its own. */
    record Defaults(List<Authenticator> authenticators, List<Permission> permissions, Optional<Throttle> throttle,
                    ErrorFormat format) {
    }

    private final Schemas schemas;
    private final Defaults defaults;

    ErrorResponses(Schemas schemas, Defaults defaults) {
        this.schemas = schemas;
        this.defaults = defaults;
    }

    /** The name of the error component the responses refer to. */
    String component() {
        return defaults.format() == ErrorFormat.PROBLEM ? PROBLEM : ERROR;
    }

    /** Adds the error responses {@code endpoint} can give. */
    void add(Endpoint endpoint, ApiResponses responses) {
        boolean inputs = endpoint.inputs().stream().anyMatch(i -> i instanceof Input.Query || i instanceof Input.Header
                || i instanceof Input.Cookie || i instanceof Input.Body
                || i instanceof Input.Arguments || i.annotations().stream().anyMatch(a -> a.annotationType()
                        .isAnnotationPresent(jakarta.validation.Constraint.class)));
        boolean body = endpoint.body().isPresent()
                || endpoint.inputs().stream().anyMatch(i -> i instanceof Input.Arguments);
        if (inputs) {
            put(responses, 400, "Invalid input: every field in error is listed under errors.");
        }
        if (!endpoint.policies().authenticators().orElse(defaults.authenticators()).isEmpty()) {
            unauthorized(responses); // bad credentials are a 401 wherever authenticators run
        }
        if (!endpoint.policies().permissions().orElse(defaults.permissions()).isEmpty()) {
            forbidden(responses);
        }
        if (!endpoint.path().paramNames().isEmpty()) {
            put(responses, 404, "Not found.");
        }
        put(responses, 405, "Method not allowed.").addHeaderObject("Allow", header("The methods the path allows."));
        if (body) {
            put(responses, 413, "The body is larger than the limit.");
            put(responses, 415, "The body's media type is not one this endpoint reads.");
        }
        if (endpoint.policies().throttle().or(defaults::throttle).isPresent()) {
            put(responses, 429, "Too many requests.").addHeaderObject("Retry-After",
                    seconds("Seconds to wait before trying again."));
            rateLimitHeaders(responses);
        }
    }

    /**
     * The throttle stage puts the {@code RateLimit-*} headers on every answer that passes through it: the responses
     * of the endpoint and the errors of the stages after it, which is all but 401 and 403 (authentication and
     * permissions run first) and 405 (the method check).
     */
    private void rateLimitHeaders(ApiResponses responses) {
        responses.forEach((status, response) -> {
            if (!status.equals("401") && !status.equals("403") && !status.equals("405")) {
                response.addHeaderObject("RateLimit-Limit", seconds("Requests allowed in the current window."));
                response.addHeaderObject("RateLimit-Remaining", seconds("Requests left in the current window."));
                response.addHeaderObject("RateLimit-Reset",
                        seconds("Seconds until the window (or, after a ban, the ban) ends."));
            }
        });
    }

    private Header seconds(String description) {
        return new Header().description(description).schema(schemas.typed("integer", "int32")
                .minimum(java.math.BigDecimal.ZERO));
    }

    /** Documents an error the endpoint declares it throws ({@code response(412, PreconditionFailed.class)}). */
    void error(ApiResponses responses, int status, String description) {
        switch (status) {
            case 401 -> unauthorized(responses);
            case 403 -> forbidden(responses);
            default -> put(responses, status, description);
        }
    }

    private void unauthorized(ApiResponses responses) {
        put(responses, 401, "Credentials were missing or invalid.").addHeaderObject("WWW-Authenticate",
                header("The authentication scheme to use."));
    }

    private void forbidden(ApiResponses responses) {
        put(responses, 403, "The caller may not do this.");
    }

    private ApiResponse put(ApiResponses responses, int status, String description) {
        String mediaType = defaults.format() == ErrorFormat.PROBLEM ? MediaType.PROBLEM_JSON : MediaType.APPLICATION_JSON;
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(mediaType,
                new io.swagger.v3.oas.models.media.MediaType().schema(schemas.ref(component()))));
        responses.addApiResponse(String.valueOf(status), response);
        return response;
    }

    private Header header(String description) {
        return new Header().description(description).schema(schemas.typed("string"));
    }

    /** The error component: {@code {detail, code, errors}}, with the problem+json members when configured. */
    io.swagger.v3.oas.models.media.Schema<Object> schema() {
        var object = schemas.typed("object");
        if (defaults.format() == ErrorFormat.PROBLEM) {
            object.addProperty("type", schemas.typed("string", "uri-reference"));
            object.addProperty("title", schemas.typed("string"));
            object.addProperty("status", schemas.typed("integer", "int32"));
        }
        object.addProperty("detail", schemas.typed("string"));
        object.addProperty("code", schemas.typed("string"));
        object.addProperty("errors", schemas.typed("object")
                .additionalProperties(schemas.typed("array").items(schemas.typed("string")))
                .description("The messages for each invalid field, by its dotted path."));
        object.required(defaults.format() == ErrorFormat.PROBLEM ? List.of("type", "title", "status", "detail", "code")
                : List.of("detail", "code"));
        return object;
    }
}
