package dev.portico.metadata;

import dev.portico.http.Response;

/**
 * Renders the browsable API's HTML page from an endpoint's JSON answer. Portico chooses it by content negotiation (a
 * browser's {@code Accept: text/html}, or {@code ?format=api}) for any endpoint that answers JSON, after the whole
 * pipeline has run; {@code api.browsable=false} turns it off. portico-auth's {@code BrowsableApi} is the one Portico
 * ships.
 */
@FunctionalInterface
public interface PageRenderer {

    /** The HTML answer for {@code page}: the same status, with the page's own security headers. */
    Response render(ApiPage page) throws Exception;
}
