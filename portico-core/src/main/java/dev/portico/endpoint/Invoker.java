package dev.portico.endpoint;

import dev.portico.http.Request;

/**
 * Calls the code behind an endpoint with a request whose inputs are already bound ({@link Request#arguments()}).
 * Returns the value to send: a declared output value, a {@link dev.portico.http.Response}, or null for none.
 */
@FunctionalInterface
public interface Invoker {

    /** Runs the endpoint. */
    Object invoke(Request request) throws Exception;
}
