package dev.portico.auth;

import dev.portico.error.ApiException;
import dev.portico.http.HttpMethod;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Answers one question: may this caller do this? Checked after authentication, before throttling. What a refusal
 * answers, 401 or 403, is {@link Refusal}'s rule.
 *
 * <p>Permissions compose: {@code Permission.authenticated().and(hasScope("posts:write").or(isAdmin()))}. A
 * lambda is a permission too: {@code request -> request.header("X-Internal").isPresent()}.
 *
 * <p>{@link #admitsAnonymous()} tells the OpenAPI generator whether a caller without credentials can get
 * through, so an operation's {@code security} lists the empty requirement {@code {}} only when it may.
 */
@FunctionalInterface
public interface Permission {

    /** Whether the request may proceed; {@link Request#endpoint()} and {@link Request#principal()} are set. */
    boolean allows(Request request);

    /**
     * Whether a caller without credentials may pass, as far as can be known without a request. True by default,
     * so a custom lambda is documented as open to anonymous callers unless it says otherwise; false for
     * {@link #authenticated()}, {@link #isAdmin()}, {@link #hasRole} and {@link #hasScope}; {@code and} needs both,
     * {@code or} either, and {@link #not()} answers true (it cannot tell, and true never hides an open endpoint).
     */
    default boolean admitsAnonymous() {
        return true;
    }

    /**
     * Whether a caller without credentials may pass a request of {@code method}: {@link #admitsAnonymous()}
     * unless the permission depends on the method, as {@link #authenticatedOrReadOnly()} does.
     */
    default boolean admitsAnonymous(HttpMethod method) {
        return admitsAnonymous();
    }

    /** A permission from a test and what it admits of anonymous callers, per method. */
    static Permission of(Predicate<Request> test, Predicate<HttpMethod> admitsAnonymous) {
        return new Rule(test, admitsAnonymous);
    }

    /** Everyone, authenticated or not: DRF's {@code AllowAny}, the default. */
    static Permission allowAny() {
        return of(request -> true, method -> true);
    }

    /** Only authenticated callers: DRF's {@code IsAuthenticated}. */
    static Permission authenticated() {
        return of(request -> request.principal().isPresent(), method -> false);
    }

    /**
     * Everyone for the safe methods (GET, HEAD and OPTIONS), authenticated callers for the others: DRF's
     * {@code IsAuthenticatedOrReadOnly}.
     */
    static Permission authenticatedOrReadOnly() {
        Set<HttpMethod> safe = EnumSet.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
        return of(
                request ->
                        safe.contains(request.method()) || request.principal().isPresent(),
                safe::contains);
    }

    /** Callers whose principal is an administrator ({@link Principal#admin()}): DRF's {@code IsAdminUser}. */
    static Permission isAdmin() {
        return of(request -> request.principal().map(Principal::admin).orElse(false), method -> false);
    }

    /** Callers holding {@code role} ({@link Principal#roles()}). */
    static Permission hasRole(String role) {
        return of(
                request ->
                        request.principal().map(p -> p.roles().contains(role)).orElse(false),
                method -> false);
    }

    /** Callers holding {@code scope} ({@link Principal#hasScope}). */
    static Permission hasScope(String scope) {
        return of(request -> request.principal().map(p -> p.hasScope(scope)).orElse(false), method -> false);
    }

    /**
     * The refusal of {@code request}, by {@link Refusal}'s rule: 403 {@code permission_denied} for a known caller or
     * where nothing authenticates, else 401 {@code not_authenticated} with the endpoint's challenge (403 when it has
     * none). Throw it from a handler that decides for itself: {@code throw Permission.refusal(request)}.
     */
    static ApiException refusal(Request request) {
        return Refusal.of(request);
    }

    /** Both this and {@code other}; admits anonymous callers when both do. */
    default Permission and(Permission other) {
        return of(
                request -> allows(request) && other.allows(request),
                method -> admitsAnonymous(method) && other.admitsAnonymous(method));
    }

    /** This or {@code other}; admits anonymous callers when either does. */
    default Permission or(Permission other) {
        return of(
                request -> allows(request) || other.allows(request),
                method -> admitsAnonymous(method) || other.admitsAnonymous(method));
    }

    /** The opposite of this; said to admit anonymous callers, since that cannot be known. */
    default Permission not() {
        return of(request -> !allows(request), method -> true);
    }
}
