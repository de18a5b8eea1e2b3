package dev.portico.endpoint;

import java.util.List;
import java.util.Optional;

/**
 * How an endpoint is documented, where the derived defaults are not what you want: the operationId (by
 * default derived as DRF does, {@code listPosts}, {@code retrievePost}), tags (by default the first path
 * segment after the API prefix), summary, description and deprecation; and whether the endpoint is left out
 * of the documentation altogether ({@code hidden}, for the schema endpoint and the docs pages themselves,
 * as FastAPI's {@code include_in_schema=False}).
 */
public record Docs(Optional<String> operationId, List<String> tags, Optional<String> summary,
                   Optional<String> description, boolean deprecated, boolean hidden) {

    /** Documented overrides of an endpoint that is shown in the schema. */
    public Docs(Optional<String> operationId, List<String> tags, Optional<String> summary,
                Optional<String> description, boolean deprecated) {
        this(operationId, tags, summary, description, deprecated, false);
    }

    /** Nothing overridden. */
    public static Docs none() {
        return new Docs(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), false, false);
    }
}
