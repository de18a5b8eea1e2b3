package dev.portico.router;

/** Two routes would answer the same request; raised at startup, naming both. */
public class RouteConflictException extends IllegalStateException {

    /** With a message that names both routes and the fix. */
    public RouteConflictException(String message) {
        super(message);
    }
}
