package dev.portico.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request through SLF4J, on the {@code portico.access} logger:
 * {@code GET /api/posts/ 200 1.42ms id=5f0c2a9e3b1d4c7a}. The same facts go as SLF4J key-value pairs
 * ({@code method}, {@code path}, {@code status}, {@code duration_ms}), which a structured encoder (the JSON lines
 * of {@code logging.format=json}) writes as fields; the request id is in the MDC. The query string is left out,
 * since it may carry secrets (an {@code authorisation=} key, a token), and so are all headers.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("portico.access");

    private final boolean enabled;

    AccessLog(boolean enabled) {
        this.enabled = enabled;
    }

    void log(String method, String rawPath, int status, long nanos, String requestId) {
        if (enabled && LOG.isInfoEnabled()) {
            long micros = nanos / 1000;
            String millis = micros / 1000 + "." + (micros % 1000 < 100 ? "0" : "") + (micros % 1000) / 10;
            LOG.atInfo()
                    .addKeyValue("method", method)
                    .addKeyValue("path", rawPath)
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", millis)
                    .log("{} {} {} {}ms id={}", method, rawPath, status, millis, requestId);
        }
    }
}
