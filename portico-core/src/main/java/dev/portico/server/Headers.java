package dev.portico.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;

/** Header names used on every request, created once. */
final class Headers {
    static final HeaderName X_REQUEST_ID = HeaderNames.create("X-Request-Id");

    private Headers() {
    }
}
