/**
 * The management commands of the accounts, picocli commands that an application adds to its {@code Manage} as it
 * adds {@code migrate}: {@code createuser}, {@code apikey create|list|revoke}, {@code role define|grant|list},
 * {@code user deactivate|activate|logout-everywhere} and {@code clearsessions}.
 */
package dev.portico.auth.cli;
