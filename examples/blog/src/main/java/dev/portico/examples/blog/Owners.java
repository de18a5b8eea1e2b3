package dev.portico.examples.blog;

import dev.portico.auth.ObjectPermission;
import dev.portico.http.HttpMethod;
import dev.portico.http.Principal;
import dev.portico.http.Request;

/** Who owns a row: the caller's user id, as the {@code owner_id} columns hold it. */
final class Owners {
    private Owners() {}

    /** The caller's user id; null for an anonymous request (which the permissions never let this far). */
    static Long callerId(Request request) {
        return request.principal().map(Principal::id).map(Long::valueOf).orElse(null);
    }

    /** Reads of any row: GET, HEAD and OPTIONS. */
    static <T> ObjectPermission<T> readOnly() {
        return (request, row) -> request.method() == HttpMethod.GET
                || request.method() == HttpMethod.HEAD
                || request.method() == HttpMethod.OPTIONS;
    }
}
