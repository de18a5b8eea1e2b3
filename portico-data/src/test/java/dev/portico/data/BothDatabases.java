package dev.portico.data;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs a {@link DatabaseTest} once per database; see there for the PostgreSQL rules. */
final class BothDatabases implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BothDatabases.class);
    private static volatile String unreachable;
    private static volatile boolean checked;

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation("h2"), invocation("postgresql"));
    }

    private static TestTemplateInvocationContext invocation(String kind) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return kind;
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Resolver(kind), (ExecutionCondition) c -> condition(kind));
            }
        };
    }

    /** PostgreSQL runs are skipped, with the reason, when the server is unreachable, unless CI=true. */
    private static ConditionEvaluationResult condition(String kind) {
        if (kind.equals("h2") || "true".equals(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("runs everywhere");
        }
        String reason = postgresqlUnreachable();
        return reason == null
                ? ConditionEvaluationResult.enabled("PostgreSQL is up")
                : ConditionEvaluationResult.disabled(reason + " (skipped; with CI=true it fails)");
    }

    private static synchronized String postgresqlUnreachable() {
        if (!checked) {
            unreachable = TestDatabase.postgresqlUnreachable();
            checked = true;
            if (unreachable != null) {
                System.err.println("[portico-data] skipping the PostgreSQL runs: " + unreachable);
            }
        }
        return unreachable;
    }

    private record Resolver(String kind) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(
                            "database",
                            key -> {
                                try {
                                    return kind.equals("h2") ? TestDatabase.h2() : TestDatabase.postgresql();
                                } catch (Exception e) {
                                    throw new IllegalStateException(
                                            "cannot prepare the " + kind + " test database: " + e.getMessage()
                                                    + (kind.equals("h2")
                                                            ? ""
                                                            : " (PostgreSQL must run at 127.0.0.1:5432 with database"
                                                                    + " test; .ci/run starts it)"),
                                            e);
                                }
                            },
                            TestDatabase.class);
        }
    }
}
