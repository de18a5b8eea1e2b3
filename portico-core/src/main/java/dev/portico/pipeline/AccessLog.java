package dev.portico.pipeline;

import dev.portico.http.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request through SLF4J, on the {@code portico.access} logger:
 * {@code GET /api/posts/ 200 1.42ms id=5f0c2a9e3b1d4c7a}. The query string is left out, since it may
 * carry secrets.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("portico.access");

    private final boolean enabled;

    AccessLog(boolean enabled) {
        this.enabled = enabled;
    }

    void log(String method, String rawPath, Response response, long startNanos, String requestId) {
        if (enabled && LOG.isInfoEnabled()) {
            long micros = (System.nanoTime() - startNanos) / 1000;
            LOG.info("{} {} {} {}.{}ms id={}", method, rawPath, response.status(), micros / 1000,
                    String.format("%03d", micros % 1000).substring(0, 2), requestId);
        }
    }
}
