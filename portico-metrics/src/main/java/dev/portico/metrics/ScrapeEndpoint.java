package dev.portico.metrics;

import dev.portico.endpoint.Endpoint;
import dev.portico.error.NotAuthenticated;
import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import dev.portico.http.Response;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET metrics.path}: the Prometheus text format (0.0.4), left out of the OpenAPI document. It has no
 * authenticators or permissions of the application's, since a scraper has no account: it is open, or, with
 * {@code metrics.token}, answers only that bearer token (compared in constant time) and 401 otherwise.
 */
final class ScrapeEndpoint {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String CHALLENGE = "Bearer realm=\"metrics\"";

    private ScrapeEndpoint() {}

    static Endpoint create(String path, String token, PrometheusMeterRegistry registry) {
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return Endpoint.builder(HttpMethod.GET, path)
                .output(Response.class)
                .produces("text/plain")
                .authenticators()
                .permissions()
                .operationId("metrics")
                .hidden(true)
                .source("portico-metrics")
                .handle(request -> {
                    if (!token.isEmpty() && !authorized(request, expected)) {
                        throw new NotAuthenticated("The metrics need Authorization: Bearer with metrics.token.")
                                .withHeader("WWW-Authenticate", CHALLENGE);
                    }
                    return Response.of(200, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
                })
                .build();
    }

    private static boolean authorized(Request request, byte[] expected) {
        String presented = request.header("Authorization").orElse("");
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected);
    }
}
