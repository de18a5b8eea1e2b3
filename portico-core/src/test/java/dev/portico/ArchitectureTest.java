package dev.portico;

import dev.portico.testing.Architecture;
import dev.portico.testing.Architecture.Layer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * portico-core's packages in layers without cycles (docs/ARCHITECTURE.md, "Layers"): what a user writes against at
 * the bottom, the machinery that reads it above, the assembly ({@link Portico}) on top.
 */
class ArchitectureTest {
    /** The core's layers, lowest first; each may use its own and the ones listed before it. */
    static final List<Layer> LAYERS = List.of(
            new Layer("values", "dev.portico.annotation", "dev.portico.error", "dev.portico.pagination"),
            new Layer("wire", "dev.portico.http"),
            new Layer(
                    "policies",
                    "dev.portico.auth",
                    "dev.portico.throttle",
                    "dev.portico.router",
                    "dev.portico.config",
                    "dev.portico.cache",
                    "dev.portico.health",
                    "dev.portico.input"),
            new Layer("codecs", "dev.portico.form", "dev.portico.json"),
            new Layer("endpoint model", "dev.portico.endpoint"),
            new Layer(
                    "machinery",
                    "dev.portico.validation",
                    "dev.portico.metadata",
                    "dev.portico.openapi..",
                    "dev.portico.rpc",
                    "dev.portico.pipeline"),
            new Layer("server", "dev.portico.server"),
            new Layer("assembly", "dev.portico"));

    @Test
    void packagesFormLayersWithoutCycles() {
        List<com.tngtech.archunit.lang.ArchRule> rules = new ArrayList<>(Architecture.standard());
        rules.add(Architecture.layers(LAYERS));
        Architecture.ofModule().check(rules);
    }
}
