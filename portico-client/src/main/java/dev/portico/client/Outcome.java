package dev.portico.client;

/**
 * What one root answered in a {@link RemoteMethod#broadcast broadcast}: its result, or why it failed. One root's
 * failure never hides another's answer.
 *
 * @param <R> the result type
 */
public sealed interface Outcome<R> {
    /** The root URL called ({@code http://site/api}). */
    String root();

    /** The root answered. */
    record Success<R>(String root, R value) implements Outcome<R> {}

    /** The call to the root failed: the server's error, or no answer. */
    record Failure<R>(String root, ApiClientException error) implements Outcome<R> {}
}
