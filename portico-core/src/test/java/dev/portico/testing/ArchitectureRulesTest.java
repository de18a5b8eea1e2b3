package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.testing.Architecture.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared rules fail on what they forbid: fixtures with a cycle, a layer reaching up, an internal, Jetty. */
class ArchitectureRulesTest {
    private static final Architecture CYCLE =
            Architecture.ofPackages("dev.portico.archfixture.a", "dev.portico.archfixture.b");
    private static final Architecture NOSY =
            Architecture.ofPackages("dev.portico.archfixture.c", "dev.portico.archfixture.d");

    @Test
    void aCycleBetweenTwoPackagesFails() {
        assertThatThrownBy(() -> CYCLE.check(List.of(Architecture.noPackageCycles())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void aLowerLayerUsingAHigherOneFails() {
        List<Layer> layers =
                List.of(new Layer("low", "dev.portico.archfixture.b"), new Layer("high", "dev.portico.archfixture.a"));
        assertThatThrownBy(() -> CYCLE.check(List.of(Architecture.layers(layers))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Down");
    }

    @Test
    void aLayerUsingItsOwnAndLowerLayersPasses() {
        List<Layer> layers = List.of(
                new Layer("low", "dev.portico.archfixture.c.."), new Layer("high", "dev.portico.archfixture.d"));
        assertThatCode(() -> NOSY.check(List.of(Architecture.layers(layers)))).doesNotThrowAnyException();
    }

    @Test
    void reachingIntoAnotherPackagesInternalFails() {
        assertThatThrownBy(() -> NOSY.check(List.of(Architecture.noForeignInternals())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Secret");
    }

    @Test
    void touchingJettyOutsideTheServerFails() {
        assertThatThrownBy(() -> NOSY.check(List.of(Architecture.onlyServerTouchesJetty())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.eclipse.jetty");
    }
}
