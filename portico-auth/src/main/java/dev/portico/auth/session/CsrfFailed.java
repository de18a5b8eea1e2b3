package dev.portico.auth.session;

import dev.portico.error.ApiException;

/**
 * 403 {@code csrf_failed}: an unsafe request that a cross-site page could have sent, with DRF's detail
 * {@code CSRF Failed: <Django's reason>}. The status and sentence are DRF's; the code is Portico's own (DRF says
 * {@code permission_denied}) so that a client can tell "fetch a fresh CSRF token" from "you may not".
 */
public final class CsrfFailed extends ApiException {
    /** The reason, as Django's {@code CsrfViewMiddleware} words it ({@code CSRF token missing.}). */
    public CsrfFailed(String reason) {
        super(403, "csrf_failed", "CSRF Failed: " + reason);
    }
}
