package dev.portico.test;

/**
 * How {@link PorticoClient#as(Object)} signs requests in as a user without a password: the {@code Authorization}
 * header value that the application accepts for {@code user}. portico-test's {@code TestAccounts.jwt()} mints an
 * access token of portico-auth; an application with its own authentication writes one line for its own.
 */
@FunctionalInterface
public interface Impersonation {

    /**
     * The {@code Authorization} header for {@code user}, such as {@code Bearer <token>}.
     *
     * @throws IllegalArgumentException when {@code user} is not a type this impersonation knows
     */
    String authorization(Object user);
}
