package dev.portico.archfixture.a;

import dev.portico.archfixture.b.Down;

/** A fixture for ArchitectureRulesTest: uses {@link Down}, which uses this back, a cycle between two packages. */
public final class Up {
    private Up() {}

    /** Calls into the other package. */
    public static int up() {
        return Down.down() + 1;
    }
}
