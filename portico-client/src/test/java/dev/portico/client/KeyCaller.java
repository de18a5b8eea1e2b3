package dev.portico.client;

import dev.portico.http.Principal;

/** The tests' principal: the key's id and the {@code X-Tenant} header of the request. */
public record KeyCaller(String id, String tenant) implements Principal {}
