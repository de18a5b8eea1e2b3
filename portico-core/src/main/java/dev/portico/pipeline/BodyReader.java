package dev.portico.pipeline;

import dev.portico.http.Request;

/** Decodes a request body of one media type into the endpoint's body type; chosen once per endpoint at startup. */
@FunctionalInterface
public interface BodyReader {

    /** The decoded body; throws an {@link dev.portico.error.ApiException} for a body that does not decode. */
    Object read(Request request) throws Exception;
}
