/**
 * HTTP Basic authentication against the accounts: a user's password, or (as seed 002 recommends) one of their API
 * keys as the password, {@code username:keyid:secret}.
 */
package dev.portico.auth.basic;
