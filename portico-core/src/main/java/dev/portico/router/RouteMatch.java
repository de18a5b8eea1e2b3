package dev.portico.router;

/**
 * The outcome of looking a path up: a route with its converted parameter values, a redirect to the
 * declared form of the path, or nothing.
 */
public sealed interface RouteMatch<T> {

    /** A route matched; {@code values} are the parameters in template order, converted to their types. */
    record Found<T>(Route<T> route, Object[] values) implements RouteMatch<T> {}

    /** The path differs from a route only by its trailing slash; {@code location} is the declared form. */
    record Redirect<T>(String location) implements RouteMatch<T> {}

    /** No route has this path. */
    record Missing<T>() implements RouteMatch<T> {}
}
