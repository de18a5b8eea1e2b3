package dev.portico.redis;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that needs the real Redis at 127.0.0.1:6379 ({@code -Dportico.test.redis=URL} points elsewhere). It is
 * skipped, with the reason printed, when Redis is unreachable, unless {@code CI=true}: then it runs, and fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RedisTest.Condition.class)
public @interface RedisTest {

    /** The rule of portico-data's PostgreSQL tests, for Redis. */
    final class Condition implements ExecutionCondition {
        private static volatile String unreachable;
        private static volatile boolean checked;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equals(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: Redis tests always run");
            }
            String reason = reason();
            return reason == null
                    ? ConditionEvaluationResult.enabled("Redis is up")
                    : ConditionEvaluationResult.disabled(reason + " (skipped; with CI=true it fails)");
        }

        private static synchronized String reason() {
            if (!checked) {
                unreachable = TestRedis.unreachable();
                checked = true;
                if (unreachable != null) {
                    System.err.println("[portico-redis] skipping the Redis tests: " + unreachable);
                }
            }
            return unreachable;
        }
    }
}
