package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A CSRF token for the next unsafe request, sent back in the {@code X-CSRFToken} header; the response also sets
 * the {@code csrftoken} cookie it matches.
 *
 * @param csrfToken the masked token, different on every response
 */
public record CsrfToken(@JsonProperty("csrf_token") String csrfToken) {}
