package dev.portico.openapi;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.config.Limits;
import dev.portico.config.Naming;
import dev.portico.endpoint.Endpoint;
import dev.portico.error.ErrorFormat;
import dev.portico.throttle.Throttle;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the OpenAPI document from the endpoint model, once, at build time: the same {@link Endpoint} records
 * the router and the pipeline run from, so the document cannot drift from what is served. Fails when two
 * operations would share an operationId, two types a component name, or two security schemes a name, naming
 * both.
 */
public final class OpenApiGenerator {

    /**
     * The application's default policies, which decide the security and the 401, 403 and 429 responses of
     * endpoints that have none of their own, and the error format the error responses use.
     *
     * @param authenticators the default authenticators
     * @param permissions the default permissions
     * @param throttle the default throttle
     * @param errorFormat {@code errors.format}
     * @param limits the {@code limits.*} the document states where no constraint is tighter ({@link StatedLimits})
     * @param decimalsAsStrings {@code json.decimals-as-strings}: BigDecimal is documented as a decimal string
     * @param naming {@code json.naming}: how a component's name becomes a property's and a parameter's
     */
    public record Defaults(
            List<Authenticator> authenticators,
            List<Permission> permissions,
            Optional<Throttle> throttle,
            ErrorFormat errorFormat,
            Limits limits,
            boolean decimalsAsStrings,
            Naming naming) {

        /** These policies, with the default limits, decimals as numbers and names as Java's. */
        public Defaults(
                List<Authenticator> authenticators,
                List<Permission> permissions,
                Optional<Throttle> throttle,
                ErrorFormat errorFormat) {
            this(authenticators, permissions, throttle, errorFormat, Limits.defaults(), false, Naming.CAMEL_CASE);
        }

        /** No policies, the simple error format. */
        public static Defaults none() {
            return new Defaults(List.of(), List.of(), Optional.empty(), ErrorFormat.SIMPLE);
        }
    }

    private OpenApiGenerator() {}

    /** The document for the endpoints {@code view} includes. */
    public static OpenAPI generate(List<Endpoint> endpoints, SchemaView view, Defaults defaults) {
        List<Endpoint> included = endpoints.stream()
                .filter(e -> !e.docs().hidden() && view.includes(e.path().template()))
                .toList();
        Schemas schemas = new Schemas(view.specVersion(), defaults.decimalsAsStrings(), defaults.naming());
        ComponentNames names = new ComponentNames(componentNames(included));
        TypeSchemas types = new TypeSchemas(schemas, names);
        ErrorResponses errors = new ErrorResponses(
                schemas,
                new ErrorResponses.Defaults(
                        defaults.authenticators(),
                        defaults.permissions(),
                        defaults.throttle(),
                        defaults.errorFormat()));
        names.claim(errors.component(), "the error format");
        Operations operations =
                new Operations(schemas, types, new OperationNames(view.apiPrefix(), view.operationIdStyle()), errors);
        SecurityRequirements security = new SecurityRequirements(defaults.authenticators(), defaults.permissions());

        Paths paths = new Paths();
        Map<String, Endpoint> operationIds = new HashMap<>();
        for (Endpoint endpoint : included) {
            Operation operation = operations.operation(endpoint);
            security.of(endpoint).ifPresent(operation::security);
            CredentialFields.add(
                    schemas,
                    endpoint.method().name(),
                    operation,
                    endpoint.policies().authenticators().orElse(defaults.authenticators()));
            Operations.nameInlineBodies(operation);
            Endpoint previous = operationIds.putIfAbsent(operation.getOperationId(), endpoint);
            if (previous != null) {
                throw new IllegalStateException("operationId '" + operation.getOperationId() + "' is used by both "
                        + previous.describe() + " and " + endpoint.describe()
                        + "; give one of them its own with operationId(...) or operationIdBase(...)"
                        + " (@Operation(id = ...))");
            }
            PathItem item = paths.computeIfAbsent(endpoint.path().openApiPath(), p -> new PathItem());
            item.operation(PathItem.HttpMethod.valueOf(endpoint.method().name()), operation);
        }

        OptionsOperations options =
                new OptionsOperations(schemas, view.operationIdStyle()); // OPTIONS: DRF's metadata, on every path
        options.addTo(paths).stream()
                .filter(operationIds::containsKey)
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("operationId '" + id + "' is used by "
                            + operationIds.get(id).describe()
                            + " and by the OPTIONS operation of another path; give the endpoint another"
                            + " operationId(...)");
                });
        Map<String, io.swagger.v3.oas.models.media.Schema> components = new TreeMap<>(types.components());
        options.components().forEach((name, schema) -> {
            names.claim(name, "the OPTIONS metadata");
            components.put(name, schema);
        });
        components.put(errors.component(), errors.schema());
        OpenAPI openapi = new OpenAPI(
                        schemas.v31()
                                ? io.swagger.v3.oas.models.SpecVersion.V31
                                : io.swagger.v3.oas.models.SpecVersion.V30)
                .openapi(view.specVersion().number())
                .info(info(view))
                .paths(paths)
                .components(new Components().schemas(new LinkedHashMap<>(components)));
        Map<String, io.swagger.v3.oas.models.security.SecurityScheme> schemes = security.components();
        if (!errors.headerComponents().isEmpty()) {
            openapi.getComponents().headers(new LinkedHashMap<>(errors.headerComponents()));
        }
        if (!schemes.isEmpty()) {
            openapi.getComponents().securitySchemes(new LinkedHashMap<>(schemes));
        }
        if (!view.serverUrl().isEmpty()) {
            openapi.servers(List.of(new Server().url(view.serverUrl())));
        }
        new StatedLimits(schemas, defaults.limits()).apply(openapi);
        view.customizers().forEach(c -> c.accept(openapi));
        return openapi;
    }

    private static Info info(SchemaView view) {
        Info info = new Info().title(view.title()).version(view.version());
        if (!view.description().isEmpty()) {
            info.description(view.description());
        }
        return info;
    }

    /** The component names endpoints ask for, by the record they name; one record, one name. */
    private static Map<Class<?>, String> componentNames(List<Endpoint> endpoints) {
        Map<Class<?>, String> names = new HashMap<>();
        Map<Class<?>, Endpoint> askedBy = new HashMap<>();
        for (Endpoint endpoint : endpoints) {
            Optional<String> name = endpoint.docs().componentName();
            if (name.isEmpty()) {
                continue;
            }
            Class<?> record = mainRecord(endpoint.output())
                    .or(() -> endpoint.body().flatMap(b -> mainRecord(b.type())))
                    .orElseThrow(() -> new IllegalStateException(endpoint.describe() + " sets componentName '"
                            + name.get() + "' but has no record output or body to name; remove componentName(...)"));
            String previous = names.putIfAbsent(record, name.get());
            if (previous != null && !previous.equals(name.get())) {
                throw new IllegalStateException(record.getName() + " is named '" + previous + "' by "
                        + askedBy.get(record).describe() + " and '" + name.get() + "' by " + endpoint.describe()
                        + "; use one componentName(...) for both");
            }
            askedBy.putIfAbsent(record, endpoint);
        }
        return names;
    }

    private static Optional<Class<?>> mainRecord(Type type) {
        Class<?> raw = Types.raw(type);
        if (raw.isArray()) {
            return mainRecord(raw.getComponentType());
        }
        if (Collection.class.isAssignableFrom(raw) || Types.isOptional(raw) || Types.isPage(raw)) {
            return mainRecord(Types.argument(type, 0));
        }
        return raw.isRecord() ? Optional.of(raw) : Optional.empty();
    }
}
