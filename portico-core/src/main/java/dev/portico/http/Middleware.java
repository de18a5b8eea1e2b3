package dev.portico.http;

/**
 * Wraps a handler with behaviour of its own, before and after: {@code next -> request -> { ...; var r =
 * next.handle(request); ...; return r; }}. Applied once at startup, in the order declared (the first is
 * the outermost), globally and per endpoint.
 *
 * <p>Global middlewares run first of all, before the method check, and see every answer, errors included,
 * as a {@link Response}. Per-endpoint middlewares run once the endpoint is known, before authentication.
 */
@FunctionalInterface
public interface Middleware {

    /** A handler that does this middleware's work around {@code next}. */
    Handler wrap(Handler next);
}
