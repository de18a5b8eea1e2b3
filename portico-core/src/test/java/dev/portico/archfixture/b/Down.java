package dev.portico.archfixture.b;

import dev.portico.archfixture.a.Up;

/** A fixture for ArchitectureRulesTest: the other half of the cycle, and a low layer that reaches up. */
public final class Down {
    private Down() {}

    /** Calls back into the first package. */
    public static int down() {
        return Up.class.getSimpleName().length();
    }
}
