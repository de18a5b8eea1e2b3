package dev.portico.router;

/**
 * What happens to a path that differs from a route only by its trailing slash. Routes are declared as the
 * seeds write them ({@code /api/posts/3/}); the policy decides the fate of {@code /api/posts/3}.
 */
public enum TrailingSlash {
    /** Answer 308 Permanent Redirect to the declared form; the method and body are kept. The default. */
    REDIRECT,
    /** Serve both forms. */
    MATCH,
    /** Only the declared form exists; the other is 404. */
    STRICT
}
