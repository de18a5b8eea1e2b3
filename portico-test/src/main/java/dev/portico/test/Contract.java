package dev.portico.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import dev.portico.openapi.OpenApiDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * An application's OpenAPI document as a contract every response must keep: for the operation a request reaches (its
 * method and path template), the status is one the operation documents, the headers the document describes have the
 * values it describes, and the body has a documented media type and validates against its schema (JSON Schema 2020-12
 * with the OpenAPI 3.1 dialect, or the OpenAPI 3.0 one, by networknt's json-schema-validator).
 * <p>
 * Only responses are checked: a test may send what the document does not allow (a wrong type, a missing field) to see
 * the 400, but the 400 must be documented. A request that reaches no documented operation (a page, the schema itself,
 * {@code HEAD}, a path the router turns away) is not checked. Compiled once per document, when the first client of an
 * app is made; {@link PorticoClient} checks by default when it knows the app.
 * <pre>{@code
 * PorticoClient client = PorticoClient.http("http://127.0.0.1:8000").contract(Contract.parse(yamlOrJsonText));
 * }</pre>
 */
public final class Contract {
    private static final Map<OpenApiDocument, Contract> COMPILED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final String BASE = "https://portico.invalid/openapi.json";

    private final List<ContractOperation> operations;

    private Contract(List<ContractOperation> operations) {
        this.operations = operations;
    }

    /** The contract of an application's document, compiled once per document and shared by its clients. */
    public static Contract of(OpenApiDocument document) {
        return COMPILED.computeIfAbsent(document, d -> parse(d.text(OpenApiDocument.Format.JSON)));
    }

    /** The contract of a document given as JSON or YAML text (3.1 or 3.0, as its {@code openapi} field says). */
    public static Contract parse(String document) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(document); // YAML reads JSON too
        } catch (IOException e) {
            throw new IllegalArgumentException("the OpenAPI document cannot be read: " + e.getMessage(), e);
        }
        boolean v30 = root.path("openapi").asText().startsWith("3.0");
        // the document's own keywords (paths, info, x-...) are not JSON Schema's: read, never validated, no warning
        Dialect dialect = Dialect.builder(v30 ? Dialects.getOpenApi30() : Dialects.getOpenApi31())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
        Schema schemas = SchemaRegistry.withDefaultDialect(dialect, b -> b.schemaRegistryConfig(config))
                .getSchema(SchemaLocation.of(BASE), root);
        String prefix = serverPath(root);
        List<ContractOperation> operations = new ArrayList<>();
        root.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (ContractOperation.METHODS.contains(method.getKey())) {
                        operations.add(ContractOperation.compile(
                                schemas,
                                root,
                                prefix + path.getKey(),
                                path.getKey(),
                                method.getKey(),
                                method.getValue()));
                    }
                }));
        operations.sort(Comparator.comparingInt(ContractOperation::templated)); // /users/me before /users/{id}
        return new Contract(List.copyOf(operations));
    }

    /** The path of the first server, when it is one ({@code /v1}); {@code ""} for {@code /} or an absolute URL. */
    private static String serverPath(JsonNode root) {
        String url = root.path("servers").path(0).path("url").asText("/");
        return url.startsWith("/") && !url.equals("/") ? url.replaceAll("/$", "") : "";
    }

    /**
     * Whether the answer is the browsable API's page, which a browser asked for ({@code Accept: text/html}, or
     * {@code ?format=api}): a rendering of the documented answer for a person, as drf-spectacular leaves DRF's
     * browsable API out of the document. The JSON answer it renders is the one the document describes.
     */
    private static boolean browsablePage(Outgoing request, TestResponse response) {
        boolean html = response.header("Content-Type")
                .map(t -> t.startsWith("text/html"))
                .orElse(false);
        boolean asked =
                request.header("Accept").map(a -> a.contains("text/html")).orElse(false)
                        || ("&" + request.rawQuery() + "&").contains("&format=api&");
        return html && asked;
    }

    /** The operation {@code method} on {@code rawPath} reaches, if the document has one. */
    Optional<ContractOperation> operation(String method, String rawPath) {
        return operations.stream().filter(o -> o.matches(method, rawPath)).findFirst();
    }

    /**
     * Checks one exchange.
     *
     * @throws AssertionError naming the operation, where in the answer and which rule it breaks
     */
    void check(Outgoing request, TestResponse response) {
        Optional<ContractOperation> operation = operation(request.method(), request.rawPath());
        if (operation.isEmpty() || browsablePage(request, response)) {
            return;
        }
        List<String> violations = operation.get().violations(response);
        if (!violations.isEmpty()) {
            throw new AssertionError("the " + response.status() + " answer to " + request.method() + " "
                    + request.target() + " breaks the OpenAPI document, operation " + operation.get() + ":\n  "
                    + String.join("\n  ", violations) + "\nbody: " + response.abbreviated()
                    + "\n(fix the generator or the endpoint; a test that means to see an undocumented answer calls"
                    + " client.contract(Contract.none()))");
        }
    }

    /** No contract: nothing is checked. */
    public static Contract none() {
        return new Contract(List.of());
    }
}
