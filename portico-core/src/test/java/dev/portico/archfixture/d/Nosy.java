package dev.portico.archfixture.d;

import dev.portico.archfixture.c.internal.Secret;

/** A fixture for ArchitectureRulesTest: a package reaching into another's internal, and toward Jetty. */
public final class Nosy {
    private Nosy() {}

    /** Reads another package's internal and names a Jetty type. */
    public static String peek() {
        return Secret.value() + org.eclipse.jetty.http.HttpStatus.getMessage(200);
    }
}
