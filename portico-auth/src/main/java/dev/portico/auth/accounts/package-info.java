/**
 * Accounts: users, roles and the caller they make, stored through portico-data in the tables of this module's
 * migrations ({@link dev.portico.auth.accounts.Accounts#MIGRATIONS}). The authenticators of the sibling packages
 * ({@code keys}, {@code basic}, {@code jwt}, {@code session}) all answer a {@link dev.portico.auth.accounts.Caller}.
 */
package dev.portico.auth.accounts;
