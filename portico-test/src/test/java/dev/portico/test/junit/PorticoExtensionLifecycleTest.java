package dev.portico.test.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.portico.Portico;
import dev.portico.test.PorticoClient;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension's life cycle at its edges: a plain {@code @Nested} group shares the enclosing class's application,
 * and an {@code @App} method that throws still has what it registered closed.
 */
class PorticoExtensionLifecycleTest {
    private static final AtomicBoolean CLOSED = new AtomicBoolean();
    private static final AtomicBoolean IN_KIT = new AtomicBoolean();

    /** Whether the test kit below is running {@link FailingApp}; a build that picks the class up skips it. */
    static boolean inKit() {
        return IN_KIT.get();
    }

    record Pong(String value) {}

    static Portico app(TestSetup setup) {
        return Portico.builder()
                .config(setup.config().build())
                .shutdownHook(false)
                .get("/api/ping/", Pong.class, r -> new Pong("pong"))
                .build();
    }

    /** Run by the test kit below, never by itself. */
    @PorticoTest(database = TestDatabase.NONE)
    @EnabledIf("dev.portico.test.junit.PorticoExtensionLifecycleTest#inKit")
    static class FailingApp {
        @App
        static Portico app(TestSetup setup) {
            setup.closeAfterAll(() -> CLOSED.set(true));
            throw new IllegalStateException("the app cannot be built");
        }

        @Test
        void never() {}
    }

    @Test
    void anAppMethodThatThrowsFailsTheClassAndStillClosesWhatItRegistered() {
        CLOSED.set(false);
        IN_KIT.set(true);
        try {
            EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(FailingApp.class))
                    .execute()
                    .containerEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    container(FailingApp.class),
                                    finishedWithFailure(message("the app cannot be built"))));
        } finally {
            IN_KIT.set(false);
        }
        assertThat(CLOSED).isTrue();
    }

    @Nested
    @PorticoTest(database = TestDatabase.NONE)
    class WithPlainGroups {
        static Portico outer;

        @App
        static Portico app(TestSetup setup) {
            return PorticoExtensionLifecycleTest.app(setup);
        }

        @BeforeAll
        static void keep(Portico app) {
            outer = app;
        }

        @Nested
        class AGroup {
            @Test
            void usesTheEnclosingClassesApplication(Portico app, PorticoClient client) {
                assertThat(app).isSameAs(outer);
                assertThat(client.get("/api/ping/").send()).hasStatus(200).hasJsonPath("$.value", "pong");
            }
        }
    }
}
