package dev.portico.openapi;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.Refusal;
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
 * Documents the errors each endpoint can answer, from what the endpoint is: 400 always (a malformed request is
 * refused before any endpoint runs); 401 (with {@code WWW-Authenticate}) and 403 as the endpoint's {@link Refusal}
 * answers them: 401 where an authenticator has a challenge (bad credentials, an anonymous caller refused), 403
 * where permissions apply or where authenticators run without a challenge; 404 when its
 * path has parameters or it answers a page ({@code Invalid page.}); 405 always (the method check answers every route); 413 and 415 when it reads a
 * body; 429 when a throttle applies. Every one refers to the {@code Error} component (or {@code Problem}
 * with {@code errors.format=problem}), as the error renderer writes it.
 */
final class ErrorResponses {
    static final String ERROR = "Error";
    static final String PROBLEM = "Problem";

    /** The application's default policies, which apply where an endpoint has none of its own. */
    record Defaults(
            List<Authenticator> authenticators,
            List<Permission> permissions,
            Optional<Throttle> throttle,
            ErrorFormat format) {}

    private final Schemas schemas;
    private final Defaults defaults;
    /** The headers the responses refer to, by name: {@code components/headers}, written once each. */
    private final java.util.Map<String, Header> headers = new java.util.TreeMap<>();

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
        boolean body =
                endpoint.body().isPresent() || endpoint.inputs().stream().anyMatch(i -> i instanceof Input.Arguments);
        // any request may be malformed (a NUL, bad percent-encoding, an invalid query or header), refused before
        // the endpoint runs, so 400 is every operation's, not only those with inputs
        put(responses, 400, "Invalid input: every field in error is listed under errors.");
        // the pipeline's own rule says which refusals this endpoint can give
        Refusal refusal = Refusal.of(endpoint.policies().authenticators().orElse(defaults.authenticators()));
        if (refusal.mayAnswer401()) {
            unauthorized(responses);
        }
        if (!endpoint.policies().permissions().orElse(defaults.permissions()).isEmpty()
                || refusal.mayAnswer403WithoutPermissions()) {
            forbidden(responses);
        }
        if (!endpoint.path().paramNames().isEmpty() || Types.isPage(Types.raw(endpoint.output()))) {
            put(responses, 404, "Not found (or, for a page, Invalid page.).");
        }
        put(responses, 405, "Method not allowed.")
                .addHeaderObject("Allow", component("Allow", header("The methods the path allows.")));
        if (body) {
            put(responses, 413, "The body is larger than the limit.");
            put(responses, 415, "The body's media type is not one this endpoint reads.");
        }
        if (endpoint.policies().throttle().or(defaults::throttle).isPresent()) {
            put(responses, 429, "Too many requests.")
                    .addHeaderObject(
                            "Retry-After", component("Retry-After", seconds("Seconds to wait before trying again.")));
            rateLimitHeaders(responses);
        }
        if (endpoint.policies().cacheFor().isPresent()) {
            beforeTheMethodCheck(
                    responses,
                    "X-Cache",
                    header("HIT when the answer came from the response cache," + " MISS when it was made and stored."));
        }
    }

    /** Adds {@code header} (optional) to every response but the method check's 405, which runs before every stage. */
    private void beforeTheMethodCheck(ApiResponses responses, String name, Header header) {
        Header ref = component(name, header);
        responses.forEach((status, response) -> {
            if (!status.equals("405")) {
                response.addHeaderObject(name, ref);
            }
        });
    }

    /** A reference to the header component {@code name}, registering {@code header} under it. */
    private Header component(String name, Header header) {
        headers.putIfAbsent(name, header);
        return new Header().$ref("#/components/headers/" + name);
    }

    /** The header components the responses refer to. */
    java.util.Map<String, Header> headerComponents() {
        return headers;
    }

    /**
     * The throttle stage puts the {@code RateLimit-*} headers on every answer that passes through it: the responses
     * of the endpoint and the errors of the stages after it. A 401 or 403 may come from before it (authentication,
     * permissions) or after it (a view that refuses a password), so they may carry them too; only the 405 of the method
     * check never does. None is required.
     */
    private void rateLimitHeaders(ApiResponses responses) {
        beforeTheMethodCheck(responses, "RateLimit-Limit", seconds("Requests allowed in the current window."));
        beforeTheMethodCheck(responses, "RateLimit-Remaining", seconds("Requests left in the current window."));
        beforeTheMethodCheck(
                responses, "RateLimit-Reset", seconds("Seconds until the window (or, after a ban, the ban) ends."));
    }

    private Header seconds(String description) {
        return new Header()
                .description(description)
                .schema(schemas.typed("integer", "int32").minimum(java.math.BigDecimal.ZERO));
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
        put(responses, 401, "Credentials were missing or invalid.")
                .addHeaderObject(
                        "WWW-Authenticate", component("WWW-Authenticate", header("The authentication scheme to use.")));
    }

    private void forbidden(ApiResponses responses) {
        put(responses, 403, "The caller may not do this.");
    }

    private ApiResponse put(ApiResponses responses, int status, String description) {
        String mediaType =
                defaults.format() == ErrorFormat.PROBLEM ? MediaType.PROBLEM_JSON : MediaType.APPLICATION_JSON;
        ApiResponse response = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                mediaType,
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
        object.addProperty(
                "errors",
                schemas.typed("object")
                        .additionalProperties(schemas.typed("array").items(schemas.typed("string")))
                        .description("The messages for each invalid field, by its dotted path."));
        object.required(
                defaults.format() == ErrorFormat.PROBLEM
                        ? List.of("type", "title", "status", "detail", "code")
                        : List.of("detail", "code"));
        return object;
    }
}
