package dev.portico.http;

/** Answers a request. The whole pipeline of an endpoint is one {@code Handler}, composed once at startup. */
@FunctionalInterface
public interface Handler {

    /** The response to {@code request}; may throw an {@link dev.portico.error.ApiException} to answer with an error. */
    Response handle(Request request) throws Exception;
}
