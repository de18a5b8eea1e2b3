package dev.portico.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.testing.Bodies;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test helpers: build an app and read its document as a JSON tree; validate with swagger-parser. */
final class OpenApiTesting {

    private OpenApiTesting() {}

    static Portico app(UnaryOperator<Portico.Builder> endpoints) {
        return endpoints
                .apply(Portico.builder().config(PorticoConfig.defaults()).shutdownHook(false))
                .build();
    }

    static JsonNode json(Portico app) {
        return Bodies.json(app.openapi().bytes(OpenApiDocument.Format.JSON));
    }

    static JsonNode json(UnaryOperator<Portico.Builder> endpoints) {
        return json(app(endpoints));
    }

    /** The document of endpoints the pipeline cannot serve yet (multipart, record query inputs): generator only. */
    static JsonNode generate(dev.portico.endpoint.Endpoint... endpoints) {
        return generate(SpecVersion.V3_1, endpoints);
    }

    static JsonNode generate(SpecVersion version, dev.portico.endpoint.Endpoint... endpoints) {
        SchemaView view = SchemaView.builder().specVersion(version).build(PorticoConfig.defaults());
        return Bodies.json(OpenApiDocument.generate(List.of(endpoints), view, OpenApiGenerator.Defaults.none())
                .bytes(OpenApiDocument.Format.JSON));
    }

    static String text(SpecVersion version, dev.portico.endpoint.Endpoint... endpoints) {
        SchemaView view = SchemaView.builder().specVersion(version).build(PorticoConfig.defaults());
        return OpenApiDocument.generate(List.of(endpoints), view, OpenApiGenerator.Defaults.none())
                .text(OpenApiDocument.Format.YAML);
    }

    static JsonNode schema(JsonNode doc, String component) {
        return doc.path("components").path("schemas").path(component);
    }

    static List<String> problems(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        return result.getMessages() == null ? List.of() : result.getMessages();
    }
}
