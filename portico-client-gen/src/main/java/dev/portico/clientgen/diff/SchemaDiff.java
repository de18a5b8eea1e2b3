package dev.portico.clientgen.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The changes from one OpenAPI document to another, each marked breaking or compatible by openapi-diff: what
 * {@code schema diff} prints and the example's snapshot test puts in its failure message.
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.compare(Files.readString(committed), current);
 * if (diff.breaking()) { System.out.println(diff.report()); }
 * }</pre>
 * Both documents may be 3.1 or 3.0, YAML or JSON; a 3.1 document is compared as its 3.0.3 form
 * ({@link Downgrade}), since openapi-diff reads schema types the 3.0 way.
 *
 * @param changes every change, in the order of the operations
 */
public record SchemaDiff(List<Change> changes) {

    /**
     * One change.
     *
     * @param breaking whether a client written against the old document may fail against the new one
     * @param text what changed, naming the operation, such as {@code POST /api/posts/ (createPost): ...}
     */
    public record Change(boolean breaking, String text) {
        /** The change as the report lists it: {@code BREAKING} or {@code compatible}, then the text. */
        @Override
        public String toString() {
            return (breaking ? "BREAKING    " : "compatible  ") + text;
        }
    }

    /** A document that could not be read or is not OpenAPI 3; its message says which and why. */
    public static final class UnreadableDocumentException extends RuntimeException {
        UnreadableDocumentException(String message) {
            super(message);
        }
    }

    /** Copies the list. */
    public SchemaDiff {
        changes = List.copyOf(changes);
    }

    /**
     * Compares the document {@code oldText} with {@code newText} (YAML or JSON, OpenAPI 3.0 or 3.1).
     *
     * @throws UnreadableDocumentException when either is not an OpenAPI 3 document
     */
    public static SchemaDiff compare(String oldText, String newText) {
        return compare(parse(oldText, "the old document"), parse(newText, "the new document"));
    }

    /** Compares two parsed OpenAPI 3.0 models. */
    public static SchemaDiff compare(OpenAPI oldModel, OpenAPI newModel) {
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(oldModel, newModel);
        List<Change> changes = new java.util.ArrayList<>(ChangeLines.of(diff));
        // the lines itemise the common kinds; openapi-diff's own verdict covers the rest (uniqueItems,
        // min/maxProperties, multipleOf, discriminators), so a breaking change is never reported as none
        if (diff.isIncompatible() && changes.stream().noneMatch(Change::breaking)) {
            changes.add(new Change(
                    true,
                    "openapi-diff judges the new document incompatible with the old one (a change of a kind"
                            + " not itemised above, e.g. uniqueItems, min/maxProperties or multipleOf)"));
        }
        return new SchemaDiff(changes);
    }

    /** True when any change is breaking. */
    public boolean breaking() {
        return changes.stream().anyMatch(Change::breaking);
    }

    /** True when the documents describe the same API. */
    public boolean unchanged() {
        return changes.isEmpty();
    }

    /** The changes, one a line, then a summary line. */
    public String report() {
        StringBuilder text = new StringBuilder();
        changes.forEach(c -> text.append(c).append('\n'));
        long breaking = changes.stream().filter(Change::breaking).count();
        if (changes.isEmpty()) {
            text.append("No changes.\n");
        } else if (breaking == 0) {
            text.append(changes.size()).append(" changes, none breaking.\n");
        } else {
            text.append(changes.size())
                    .append(" changes, ")
                    .append(breaking)
                    .append(" breaking: clients made from the old document may fail against the new one.\n");
        }
        return text.toString();
    }

    /** Reads a document as openapi-diff needs it: OpenAPI 3.0, references kept for it to follow. */
    static OpenAPI parse(String text, String name) {
        JsonNode tree;
        try {
            tree = Yaml.mapper().readTree(text); // YAML's reader reads JSON too
        } catch (JsonProcessingException e) {
            throw new UnreadableDocumentException(name + " is neither YAML nor JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode document)
                || !document.path("openapi").asText().startsWith("3.")) {
            throw new UnreadableDocumentException(name + " is not an OpenAPI 3 document (no `openapi: 3.x` field)");
        }
        if (Downgrade.is31(document)) {
            Downgrade.to30(document);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true); // as openapi-diff reads documents itself
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new UnreadableDocumentException(name + " could not be read: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
