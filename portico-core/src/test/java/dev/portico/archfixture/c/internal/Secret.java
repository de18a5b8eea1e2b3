package dev.portico.archfixture.c.internal;

/** A fixture for ArchitectureRulesTest: an internal class of package {@code c}. */
public final class Secret {
    private Secret() {}

    /** What only {@code c} should ask. */
    public static String value() {
        return "secret";
    }
}
