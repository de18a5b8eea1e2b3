package dev.portico.pipeline;

/**
 * The stages every request passes through, in this order, as seed 003 draws the request flow. The order is
 * written once, in {@link Pipeline#compose}, and never changes per request.
 */
public enum Stage {
    /** Global middlewares, then the endpoint's own. */
    MIDDLEWARES,
    /** 405 with {@code Allow} for another method; HEAD and OPTIONS answered; 406 when Accept rules out the output. */
    METHOD,
    /** Who is calling: authenticators tried in order. */
    AUTHENTICATE,
    /** May they: every permission must allow; 401 or 403 if not. */
    PERMIT,
    /** Not too often: 429 with {@code Retry-After} when over the rate. */
    THROTTLE,
    /** Inputs bound and validated: 400 naming every bad field, 415 for a body type not read. */
    VALIDATE,
    /** A cached response for GET endpoints that opted in. */
    CACHE_READ,
    /** The endpoint's own code. */
    ENDPOINT,
    /** The response kept for the next cache read. */
    CACHE_WRITE
}
