package dev.portico.openapi;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.error.NotFound;
import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The endpoint that serves the document, DRF's schema view: YAML ({@code application/vnd.oai.openapi}) by
 * default, JSON with {@code ?format=json} or {@code Accept: application/vnd.oai.openapi+json} (or
 * {@code application/json}); an unknown {@code ?format=} is 404, as DRF answers an unknown format suffix.
 * It serves bytes rendered once at build time, never regenerating the document per request, and is not
 * part of the document itself.
 */
public final class SchemaEndpoint {
    static final String YAML = OpenApiDocument.Format.YAML.mediaType();
    static final String YAML_PLAIN = "application/yaml";
    static final String JSON = OpenApiDocument.Format.JSON.mediaType();
    static final String JSON_PLAIN = "application/json";

    private SchemaEndpoint() {}

    /** The schema endpoint at {@code view.path()}, with the view's authentication and permissions. */
    public static Endpoint create(SchemaView view, OpenApiDocument document) {
        return create(view, () -> document);
    }

    /**
     * The schema endpoint serving the document {@code document} gives once the application is built (the
     * routes are checked before the document is generated, so a route conflict is reported as one).
     */
    public static Endpoint create(SchemaView view, Supplier<OpenApiDocument> document) {
        Served served = new Served(document);
        EndpointBuilder builder = Endpoint.builder(HttpMethod.GET, view.path())
                .output(Response.class)
                .produces(YAML, YAML_PLAIN, JSON, JSON_PLAIN)
                .permissions(view.permissions().toArray(Permission[]::new))
                .operationId("schema")
                .hidden(true)
                .source("schema view")
                .handle(served::answer);
        Optional<List<Authenticator>> authenticators = view.authenticators();
        authenticators.ifPresent(a -> builder.authenticators(a.toArray(Authenticator[]::new)));
        return builder.build();
    }

    private record Served(Supplier<OpenApiDocument> document) {

        Response answer(Request request) {
            String mediaType = mediaType(
                    request.query("format").orElse(null),
                    request.header("Accept").orElse(null));
            if (mediaType == null) {
                throw new NotFound();
            }
            boolean isJson = mediaType.equals(JSON) || mediaType.equals(JSON_PLAIN);
            String contentType = isJson ? mediaType : mediaType + "; charset=utf-8";
            OpenApiDocument.Format format = isJson ? OpenApiDocument.Format.JSON : OpenApiDocument.Format.YAML;
            return Response.of(200, contentType, document.get().shared(format)).header("Vary", "Accept");
        }
    }

    /** The media type to answer with, or null for an unknown {@code ?format=}. */
    static String mediaType(String format, String accept) {
        if (format != null) {
            return switch (format) {
                case "json" -> JSON;
                case "yaml", "openapi" -> YAML;
                default -> null;
            };
        }
        if (accept == null) {
            return YAML;
        }
        int start = 0;
        while (start < accept.length()) {
            int comma = accept.indexOf(',', start);
            int end = comma < 0 ? accept.length() : comma;
            int semi = accept.indexOf(';', start);
            String range = accept.substring(start, semi >= 0 && semi < end ? semi : end)
                    .trim();
            for (String known : List.of(YAML, YAML_PLAIN, JSON, JSON_PLAIN)) {
                if (range.equalsIgnoreCase(known)) {
                    return known;
                }
            }
            start = end + 1;
        }
        return YAML;
    }
}
