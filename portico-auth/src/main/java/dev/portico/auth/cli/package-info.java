/**
 * The management commands of the accounts, {@code createuser} and {@code apikey}, picocli commands that an
 * application adds to its {@code Manage} as it adds {@code migrate}.
 */
package dev.portico.auth.cli;
