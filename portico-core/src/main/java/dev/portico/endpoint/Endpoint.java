package dev.portico.endpoint;

import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.router.PathTemplate;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * The one description of an endpoint that everything else is derived from: the router, the request
 * pipeline, the OpenAPI document and the generated clients all read this record. Built once at startup,
 * immutable afterwards.
 *
 * <p>Declare endpoints with the shortcuts on {@code Portico.Builder} or with annotated controllers;
 * use the builder directly when you need every option:
 * <pre>{@code
 * Endpoint.builder(HttpMethod.GET, "/api/posts/")
 *         .output(new TypeRef<List<Post>>() {})
 *         .query("search", String.class, "")
 *         .operationId("listPosts")
 *         .handle(request -> posts.search((String) request.input("search")))
 *         .build();
 * }</pre>
 *
 * @param method the HTTP method
 * @param path the typed path template
 * @param inputs path, query, header and body inputs, in the order the invoker receives them
 * @param output the declared output type ({@code void} for none)
 * @param status the success status
 * @param produces the media types of the success body (JSON unless said otherwise)
 * @param policies authentication, permissions, throttling and caching for this endpoint
 * @param middlewares per-endpoint middlewares, outermost first
 * @param docs documentation overrides
 * @param invoker the code that runs
 * @param source where the endpoint was declared, for error messages
 */
public record Endpoint(
        HttpMethod method,
        PathTemplate path,
        List<Input> inputs,
        Type output,
        int status,
        List<String> produces,
        Policies policies,
        List<Middleware> middlewares,
        Docs docs,
        Invoker invoker,
        String source) {

    /** A builder for {@code method} on {@code path}. */
    public static EndpointBuilder builder(HttpMethod method, String path) {
        return new EndpointBuilder(method, path);
    }

    /** The body input, if the endpoint reads one. */
    public Optional<Input.Body> body() {
        for (Input input : inputs) {
            if (input instanceof Input.Body body) {
                return Optional.of(body);
            }
        }
        return Optional.empty();
    }

    /** The position of the named input in {@link #inputs()}, or -1. */
    public int inputIndex(String name) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code GET /api/posts/{id}/}: how the endpoint is named in messages and logs. */
    public String describe() {
        return method + " " + path.template() + (source.isEmpty() ? "" : " (" + source + ")");
    }
}
