package dev.portico.error;

/** How error bodies are written. */
public enum ErrorFormat {
    /** DRF's shape: {@code {"detail": "...", "code": "...", "errors": {...}}} as {@code application/json}. The default. */
    SIMPLE,
    /**
     * RFC 9457 {@code application/problem+json}: {@code type}, {@code title}, {@code status} and {@code detail},
     * with {@code code} and {@code errors} as extension members.
     */
    PROBLEM
}
