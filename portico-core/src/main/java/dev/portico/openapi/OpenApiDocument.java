package dev.portico.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The application's OpenAPI document, generated once and rendered once: the schema endpoint serves these
 * bytes and the {@code schema} command writes them, so both give exactly the same document.
 */
public final class OpenApiDocument {

    /** The two renderings. */
    public enum Format {
        /** {@code application/vnd.oai.openapi}, the default. */
        YAML("application/vnd.oai.openapi"),
        /** {@code application/vnd.oai.openapi+json}. */
        JSON("application/vnd.oai.openapi+json");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        /** The media type the schema endpoint sends this format as. */
        public String mediaType() {
            return mediaType;
        }

        /** {@code yaml} or {@code json}, any case. */
        public static Format parse(String name) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name.trim())) {
                    return format;
                }
            }
            throw new IllegalArgumentException("unknown schema format '" + name + "'; use yaml or json");
        }
    }

    private final OpenAPI model;
    private final SpecVersion version;
    private volatile byte[] yaml;
    private volatile byte[] json;

    private OpenApiDocument(OpenAPI model, SpecVersion version) {
        this.model = model;
        this.version = version;
    }

    /**
     * Renders both formats now, if not done yet. Rendering waits for the first reader rather than holding up
     * {@code build()} (it was a tenth of the example's start-up); a started app calls this in the background.
     */
    public void render() {
        shared(Format.YAML);
        shared(Format.JSON);
    }

    /** Generates the document for the endpoints {@code view} includes and renders it. */
    public static OpenApiDocument generate(
            List<dev.portico.endpoint.Endpoint> endpoints, SchemaView view, OpenApiGenerator.Defaults defaults) {
        return new OpenApiDocument(OpenApiGenerator.generate(endpoints, view, defaults), view.specVersion());
    }

    /** The document's model; treat it as read-only (the renderings are made from it once). */
    public OpenAPI model() {
        return model;
    }

    /** The OpenAPI version written. */
    public SpecVersion version() {
        return version;
    }

    /** The document in {@code format}, UTF-8; a copy. */
    public byte[] bytes(Format format) {
        return shared(format).clone();
    }

    /** The document in {@code format} as text. */
    public String text(Format format) {
        return new String(shared(format), StandardCharsets.UTF_8);
    }

    byte[] shared(Format format) {
        byte[] bytes = format == Format.YAML ? yaml : json;
        return bytes != null ? bytes : rendered(format);
    }

    /** Renders one format once; the model is not changed after build, so every rendering is the same bytes. */
    private synchronized byte[] rendered(Format format) {
        boolean v31 = version == SpecVersion.V3_1;
        if (format == Format.YAML) {
            if (yaml == null) {
                yaml = render(v31 ? Yaml31.mapper() : Yaml.mapper(), model);
            }
            return yaml;
        }
        if (json == null) {
            json = render(v31 ? Json31.mapper() : Json.mapper(), model);
        }
        return json;
    }

    private static byte[] render(ObjectMapper mapper, OpenAPI model) {
        try {
            String text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(model);
            return (text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document could not be rendered: " + e.getOriginalMessage(), e);
        }
    }
}
