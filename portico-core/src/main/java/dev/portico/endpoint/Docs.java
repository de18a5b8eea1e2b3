package dev.portico.endpoint;

import java.util.List;
import java.util.Optional;

/**
 * How an endpoint is documented, where the derived defaults are not what you want: the operationId (by
 * default derived as DRF does, {@code listPosts}, {@code retrievePost}), tags (by default the first path
 * segment after the API prefix), summary, description and deprecation.
 */
public record Docs(Optional<String> operationId, List<String> tags, Optional<String> summary,
                   Optional<String> description, boolean deprecated) {

    /** Nothing overridden. */
    public static Docs none() {
        return new Docs(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), false);
    }
}
