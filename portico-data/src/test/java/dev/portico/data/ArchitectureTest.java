package dev.portico.data;

import dev.portico.testing.Architecture;
import org.junit.jupiter.api.Test;

/**
 * portico-data's packages: no cycle between them, Jetty left to portico-core's server, no other package's {@code internal}
 * used (the shared rules of {@link Architecture}, docs/ARCHITECTURE.md "Layers").
 */
class ArchitectureTest {

    @Test
    void packagesHoldTheSharedLayerRules() {
        Architecture.ofModule().check(Architecture.standard());
    }
}
