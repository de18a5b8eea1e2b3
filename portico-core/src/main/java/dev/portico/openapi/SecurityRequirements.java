package dev.portico.openapi;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.SecurityScheme;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.MediaType;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The security of each operation and the {@code securitySchemes} they name, from the endpoints' authenticators
 * ({@link Authenticator#scheme()}) and permissions ({@link Permission#admitsAnonymous}):
 * <ul>
 *   <li>no authenticators: {@code security: []}, public;</li>
 *   <li>otherwise one requirement per documented scheme, in the authenticators' order (any one will do), and the
 *       empty requirement {@code {}} when the permissions let anonymous callers through and no required caller
 *       parameter refuses them, or when the operation takes a form and an authenticator reads the whole credential
 *       from a form field ({@link Authenticator#formFieldIdentifies()}): such a call names no scheme;</li>
 *   <li>authenticators of which none documents a scheme: no {@code security}, since nothing can be said.</li>
 * </ul>
 * Two different schemes under one name fail the build, naming both endpoints.
 */
final class SecurityRequirements {
    private final List<Authenticator> defaultAuthenticators;
    private final List<Permission> defaultPermissions;
    private final Map<String, SecurityScheme> schemes = new TreeMap<>();
    private final Map<String, Endpoint> firstUse = new TreeMap<>();

    SecurityRequirements(List<Authenticator> authenticators, List<Permission> permissions) {
        this.defaultAuthenticators = authenticators;
        this.defaultPermissions = permissions;
    }

    /** The operation's security requirements, or empty to leave {@code security} out; records the schemes used. */
    Optional<List<SecurityRequirement>> of(Endpoint endpoint) {
        List<Authenticator> authenticators =
                endpoint.policies().authenticators().orElse(defaultAuthenticators);
        if (authenticators.isEmpty()) {
            return Optional.of(List.of()); // says "public" outright
        }
        Set<String> names = new LinkedHashSet<>();
        for (Authenticator authenticator : authenticators) {
            authenticator.scheme().ifPresent(scheme -> names.add(use(scheme, endpoint)));
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        names.forEach(name -> requirements.add(new SecurityRequirement().addList(name)));
        if (admitsAnonymous(endpoint) || formCredential(endpoint, authenticators)) {
            requirements.add(new SecurityRequirement()); // {}: no credentials at all will do too
        }
        return Optional.of(requirements);
    }

    private static boolean formCredential(Endpoint endpoint, List<Authenticator> authenticators) {
        return authenticators.stream().anyMatch(Authenticator::formFieldIdentifies)
                && endpoint.inputs().stream()
                        .anyMatch(i -> i instanceof dev.portico.endpoint.Input.Arguments
                                || i instanceof dev.portico.endpoint.Input.Body b
                                        && b.mediaTypes().stream()
                                                .anyMatch(t -> t.equals(MediaType.FORM_URLENCODED)
                                                        || t.equals(MediaType.MULTIPART_FORM_DATA)));
    }

    private boolean admitsAnonymous(Endpoint endpoint) {
        if (endpoint.inputs().stream()
                .anyMatch(i -> i instanceof dev.portico.endpoint.Input.Caller c && !c.optional())) {
            return false; // a required caller parameter refuses anonymous calls whatever the permissions say
        }
        for (Permission permission : endpoint.policies().permissions().orElse(defaultPermissions)) {
            if (!permission.admitsAnonymous(endpoint.method())) {
                return false;
            }
        }
        return true;
    }

    private String use(SecurityScheme scheme, Endpoint endpoint) {
        SecurityScheme previous = schemes.putIfAbsent(scheme.name(), scheme);
        if (previous == null) {
            firstUse.put(scheme.name(), endpoint);
        } else if (!previous.equals(scheme)) {
            throw new IllegalStateException("security scheme '" + scheme.name() + "' names both " + previous
                    + " (on " + firstUse.get(scheme.name()).describe() + ") and " + scheme + " (on "
                    + endpoint.describe() + "); give one of them another name");
        }
        return scheme.name();
    }

    /** The {@code securitySchemes} components of the schemes the operations named, by name. */
    Map<String, io.swagger.v3.oas.models.security.SecurityScheme> components() {
        Map<String, io.swagger.v3.oas.models.security.SecurityScheme> components = new TreeMap<>();
        schemes.forEach((name, scheme) -> components.put(name, component(scheme)));
        return components;
    }

    private static io.swagger.v3.oas.models.security.SecurityScheme component(SecurityScheme scheme) {
        var component = new io.swagger.v3.oas.models.security.SecurityScheme();
        switch (scheme.kind()) {
            case BEARER ->
                component
                        .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP)
                        .scheme("bearer");
            case BASIC ->
                component
                        .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP)
                        .scheme("basic");
            case API_KEY_HEADER ->
                component
                        .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY)
                        .in(io.swagger.v3.oas.models.security.SecurityScheme.In.HEADER)
                        .name(scheme.parameter().orElseThrow());
            case API_KEY_COOKIE ->
                component
                        .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY)
                        .in(io.swagger.v3.oas.models.security.SecurityScheme.In.COOKIE)
                        .name(scheme.parameter().orElseThrow());
            case API_KEY_QUERY ->
                component
                        .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY)
                        .in(io.swagger.v3.oas.models.security.SecurityScheme.In.QUERY)
                        .name(scheme.parameter().orElseThrow());
        }
        scheme.bearerFormat().ifPresent(component::bearerFormat);
        scheme.description().ifPresent(component::description);
        return component;
    }
}
