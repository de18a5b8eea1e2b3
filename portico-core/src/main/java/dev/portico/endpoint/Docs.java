package dev.portico.endpoint;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an endpoint is documented, where the derived defaults are not what you want: the operationId (by
 * default derived as DRF does, {@code listPosts}, {@code retrievePost}) or only its base ({@code Post} in
 * {@code retrievePost}, DRF's {@code operation_id_base}), tags (by default the first path segment after the
 * API prefix), summary, description, deprecation, the name of the endpoint's record component (DRF's
 * {@code component_name}), responses documented instead of or besides the derived ones (status to type,
 * {@code void} for no body), {@code x-} extensions of the operation, query parameters read by the handler
 * itself rather than bound as inputs (a list's filters, ordering and page), headers it reads or writes itself
 * ({@code If-Match}, {@code ETag}, {@code Location}); and whether the endpoint is left out of
 * the documentation altogether ({@code hidden}, for the schema endpoint and the docs pages themselves, as
 * FastAPI's {@code include_in_schema=False}).
 */
public record Docs(
        Optional<String> operationId,
        List<String> tags,
        Optional<String> summary,
        Optional<String> description,
        boolean deprecated,
        Optional<String> operationIdBase,
        Optional<String> componentName,
        Map<Integer, Type> responses,
        Map<String, Object> extensions,
        List<Parameter> queryParameters,
        boolean hidden,
        List<Header> headers) {

    /** Copies the collections. */
    public Docs {
        tags = List.copyOf(tags);
        responses = Map.copyOf(responses);
        extensions = Map.copyOf(extensions);
        queryParameters = List.copyOf(queryParameters);
        headers = List.copyOf(headers);
    }

    /**
     * A header the handler itself reads or writes: {@code If-Match} read, {@code ETag} and {@code Location} written.
     *
     * @param name the header's name
     * @param status the status whose answers carry it, or 0 for a request header (optional)
     * @param description one sentence for the reader
     */
    public record Header(String name, int status, String description) {

        /** An optional request header the handler reads. */
        public static Header request(String name, String description) {
            return new Header(name, 0, description);
        }

        /** A header the handler puts on its {@code status} answers. */
        public static Header response(int status, String name, String description) {
            return new Header(name, status, description);
        }
    }

    /**
     * A query parameter the handler reads itself (not a bound input), documented as optional.
     *
     * @param name the parameter's name, such as {@code salary__gte}
     * @param type the Java type of its value
     * @param description one sentence for the reader
     */
    public record Parameter(String name, Type type, String description) {}

    /** The first five overrides only, for an endpoint shown in the schema. */
    public Docs(
            Optional<String> operationId,
            List<String> tags,
            Optional<String> summary,
            Optional<String> description,
            boolean deprecated) {
        this(
                operationId,
                tags,
                summary,
                description,
                deprecated,
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Map.of(),
                List.of(),
                false,
                List.of());
    }

    /** Nothing overridden. */
    public static Docs none() {
        return new Docs(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), false);
    }
}
