package dev.portico.openapi;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.config.OperationIdStyle;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The options of the OpenAPI document and of the endpoint that serves it, as DRF's {@code get_schema_view}
 * has them: title, description, version, server url, the routes to include ({@code patterns}), the
 * authentication and permissions of the schema endpoint itself (public by default), plus the OpenAPI
 * version, the API prefix tags are derived after, customisers of the finished document and an off switch.
 * <pre>{@code
 * Portico.builder().schema(s -> s.title("Blog API").patterns("/api/**")
 *         .customizer(openapi -> openapi.getInfo().termsOfService("https://example.com/terms")))
 * }</pre>
 * What the code sets wins over the configuration ({@code openapi.*} settings), which wins over the defaults.
 *
 * @param enabled whether the endpoint is served (the document is built and checked either way)
 * @param path where the endpoint is served, {@code /api/schema/} by default
 * @param title {@code info.title}
 * @param description {@code info.description}; empty for none
 * @param version {@code info.version}, the API's version
 * @param serverUrl {@code servers[0].url}; empty for no servers list
 * @param specVersion 3.1.0 or 3.0.3
 * @param apiPrefix the prefix the tag segment follows, {@code /api}
 * @param operationIdStyle how operationIds are derived: DRF's ({@code listPosts}) or drf-spectacular's
 *     ({@code posts_list})
 * @param patterns path globs of the routes to document ({@code /api/**}, {@code /health}); empty for all
 * @param authenticators the schema endpoint's own authenticators; empty for the application's
 * @param permissions the schema endpoint's own permissions; empty means public (allow any)
 * @param customizers run in order on the finished document, before it is checked and rendered
 */
public record SchemaView(
        boolean enabled,
        String path,
        String title,
        String description,
        String version,
        String serverUrl,
        SpecVersion specVersion,
        String apiPrefix,
        OperationIdStyle operationIdStyle,
        List<String> patterns,
        Optional<List<Authenticator>> authenticators,
        List<Permission> permissions,
        List<Consumer<OpenAPI>> customizers) {

    /** Copies the lists. */
    public SchemaView {
        patterns = List.copyOf(patterns);
        permissions = List.copyOf(permissions);
        customizers = List.copyOf(customizers);
    }

    /** A builder with nothing set: everything comes from the configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options from the configuration alone. */
    public static SchemaView of(PorticoConfig config) {
        return builder().build(config);
    }

    /** Whether {@code template} (an endpoint's path) is documented: it matches a pattern, or there are none. */
    public boolean includes(String template) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> PathGlob.matches(p, template));
    }

    /** Collects the options set in code; {@link #build(PorticoConfig)} fills the rest from the configuration. */
    public static final class Builder {
        private Boolean enabled;
        private String path;
        private String title;
        private String description;
        private String version;
        private String serverUrl;
        private SpecVersion specVersion;
        private String apiPrefix;
        private OperationIdStyle operationIdStyle;
        private List<String> patterns = List.of();
        private List<Authenticator> authenticators;
        private List<Permission> permissions = List.of();
        private final List<Consumer<OpenAPI>> customizers = new ArrayList<>();

        private Builder() {}

        /** Serve the schema endpoint or not; the document is still built (and checked) for {@code schema}. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Where the schema endpoint is served. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** {@code info.title}. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** {@code info.description}. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** {@code info.version}. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** {@code servers[0].url}, DRF's {@code url}. */
        public Builder url(String url) {
            this.serverUrl = url;
            return this;
        }

        /** The OpenAPI version written. */
        public Builder specVersion(SpecVersion specVersion) {
            this.specVersion = specVersion;
            return this;
        }

        /** The prefix after which the first path segment is the tag ({@code /api}). */
        public Builder apiPrefix(String prefix) {
            this.apiPrefix = prefix;
            return this;
        }

        /** How operationIds are derived: DRF's ({@code listPosts}) or drf-spectacular's ({@code posts_list}). */
        public Builder operationIdStyle(OperationIdStyle style) {
            this.operationIdStyle = style;
            return this;
        }

        /** Only the routes matching these globs are documented: {@code *} one segment, {@code **} any. */
        public Builder patterns(String... patterns) {
            this.patterns = List.of(patterns);
            return this;
        }

        /** The schema endpoint's own authenticators. */
        public Builder authenticators(Authenticator... authenticators) {
            this.authenticators = List.of(authenticators);
            return this;
        }

        /** The schema endpoint's own permissions; none (public) by default. */
        public Builder permissions(Permission... permissions) {
            this.permissions = List.of(permissions);
            return this;
        }

        /** Changes the finished document: {@code openapi -> openapi.getInfo().termsOfService(...)}. */
        public Builder customizer(Consumer<OpenAPI> customizer) {
            customizers.add(customizer);
            return this;
        }

        /** The options: what was set here, else the configuration's {@code openapi.*} values. */
        public SchemaView build(PorticoConfig config) {
            return new SchemaView(
                    enabled != null ? enabled : config.get(Settings.OPENAPI_ENABLED),
                    path != null ? path : config.get(Settings.OPENAPI_PATH),
                    title != null ? title : config.get(Settings.OPENAPI_TITLE),
                    description != null ? description : config.get(Settings.OPENAPI_DESCRIPTION),
                    version != null ? version : config.get(Settings.OPENAPI_VERSION),
                    serverUrl != null ? serverUrl : config.get(Settings.OPENAPI_SERVER_URL),
                    specVersion != null ? specVersion : SpecVersion.parse(config.get(Settings.OPENAPI_SPEC_VERSION)),
                    apiPrefix != null ? apiPrefix : config.get(Settings.OPENAPI_API_PREFIX),
                    operationIdStyle != null ? operationIdStyle : config.get(Settings.OPENAPI_OPERATION_ID_STYLE),
                    patterns,
                    Optional.ofNullable(authenticators),
                    permissions,
                    customizers);
        }
    }
}
