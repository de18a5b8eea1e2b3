/**
 * API keys: {@link dev.portico.auth.keys.ApiKeys} makes, lists, revokes and checks them; two authenticators read
 * them from a request, {@link dev.portico.auth.keys.ApiKeyAuthenticator} ({@code Authorization: Api-Key keyid:secret})
 * and {@link dev.portico.auth.keys.FormKeyAuthenticator} (seed 002's {@code authorisation} field). HTTP Basic with a
 * key as the password is {@code dev.portico.auth.basic}.
 */
package dev.portico.auth.keys;
