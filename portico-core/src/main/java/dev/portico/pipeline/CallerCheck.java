package dev.portico.pipeline;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Checks at startup that an endpoint's caller parameter can be bound: a required caller needs an authenticator,
 * and no authenticator may return principals that can never be of the declared type. A permission that needs a
 * caller needs an authenticator too: without one it would refuse every request while the schema calls it public.
 */
final class CallerCheck {

    private CallerCheck() {}

    static void check(Endpoint endpoint, List<Authenticator> authenticators) {
        for (Input input : endpoint.inputs()) {
            if (input instanceof Input.Caller caller) {
                check(endpoint, caller, authenticators);
            }
        }
    }

    /** Fails when {@code permissions} refuse anonymous callers and nothing can authenticate one. */
    static void permissions(Endpoint endpoint, List<Permission> permissions, List<Authenticator> authenticators) {
        if (!authenticators.isEmpty() || permissions.stream().allMatch(p -> p.admitsAnonymous(endpoint.method()))) {
            return;
        }
        throw new IllegalStateException(endpoint.describe() + " has permissions that need a caller but no "
                + "authenticators, so every request would be refused; configure authenticators(...) on the application "
                + "(Portico.builder().authenticators(...)) or on the endpoint (e -> e.authenticators(...))");
    }

    private static void check(Endpoint endpoint, Input.Caller caller, List<Authenticator> authenticators) {
        Class<?> wanted = caller.principalType();
        if (authenticators.isEmpty() && !caller.optional()) {
            throw new IllegalStateException(endpoint.describe() + " takes its caller as " + wanted.getSimpleName()
                    + " but has no authenticators, so every request would be refused; configure authenticators(...)"
                    + " on the application or the endpoint, or take Optional<" + wanted.getSimpleName() + ">");
        }
        for (Authenticator authenticator : authenticators) {
            Class<?> produced = authenticator.principalType();
            if (!canBe(produced, wanted)) {
                throw new IllegalStateException(endpoint.describe() + " takes its caller as " + wanted.getName()
                        + ", but its authenticator " + authenticator.getClass().getName() + " returns "
                        + produced.getName() + ", which never is one; take a type both are (Principal always works),"
                        + " or give the endpoint its own authenticators(...)");
            }
        }
    }

    /** Whether a value of type {@code produced} may be a {@code wanted}: related types, or an open common subtype. */
    static boolean canBe(Class<?> produced, Class<?> wanted) {
        if (wanted.isAssignableFrom(produced) || produced.isAssignableFrom(wanted)) {
            return true;
        }
        if (produced.isInterface() && wanted.isInterface()) {
            return true;
        }
        if (produced.isInterface()) {
            return !Modifier.isFinal(wanted.getModifiers());
        }
        return wanted.isInterface() && !Modifier.isFinal(produced.getModifiers());
    }
}
