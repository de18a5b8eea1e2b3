package dev.portico.health;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One dependency that {@code /ready} asks about: the database, Redis, anything an instance cannot serve without.
 * Modules contribute theirs ({@code db.healthCheck()}, {@code redis.healthCheck()}) and an application adds them
 * with {@code Portico.Builder.healthCheck(...)}:
 * <pre>{@code
 * app.healthCheck(db.healthCheck()).healthCheck(HealthCheck.of("search", search::ping));
 * }</pre>
 * A check should be cheap (a {@code SELECT 1}, a {@code PING}): it runs on every poll of the load balancer. It is
 * given {@code health.timeout}; one that throws, answers false or runs past that counts as down.
 */
public interface HealthCheck {

    /** The name under which {@code /ready} reports this check ({@code database}, {@code redis}). */
    String name();

    /** Whether the dependency answers now; may throw, which counts as down. */
    boolean healthy() throws Exception;

    /** A check named {@code name} that asks {@code probe}. */
    static HealthCheck of(String name, Callable<Boolean> probe) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("a health check's name is lower-case letters, digits, - and _: " + name);
        }
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean healthy() throws Exception {
                return Boolean.TRUE.equals(probe.call());
            }

            @Override
            public String toString() {
                return "HealthCheck[" + name + "]";
            }
        };
    }
}
