package dev.portico.test;

import java.util.Set;

/**
 * The response headers a {@link Contract} does not ask the document to describe: those of HTTP itself (framing,
 * caching, cookies, content negotiation) and the security headers every answer carries. Any other header an answer
 * sends (ETag, Location, RateLimit-*, Retry-After, WWW-Authenticate, Allow, ...) is part of the API, so the operation
 * must document it.
 */
final class ContractHeaders {
    private static final Set<String> GENERIC = Set.of(
            "content-type",
            "content-length",
            "content-encoding",
            "content-language",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "date",
            "server",
            "vary",
            "cache-control",
            "pragma",
            "expires",
            "set-cookie",
            "x-content-type-options",
            "x-frame-options",
            "referrer-policy",
            "cross-origin-opener-policy",
            "cross-origin-resource-policy",
            "cross-origin-embedder-policy",
            "content-security-policy",
            "strict-transport-security",
            "permissions-policy",
            "x-request-id");

    private ContractHeaders() {}

    static boolean isGeneric(String lowerCaseName) {
        return GENERIC.contains(lowerCaseName) || lowerCaseName.startsWith("access-control-");
    }
}
