/**
 * Database-backed sessions and CSRF protection, as Django's session and CSRF middlewares and DRF's
 * {@code SessionAuthentication}: {@link dev.portico.auth.session.Sessions} (login, logout, re-issue, the cookie
 * middleware), {@link dev.portico.auth.session.SessionAuthenticator} and {@link dev.portico.auth.session.Csrf}
 * (the token for a page's form, the check). Settings in {@link dev.portico.auth.session.SessionSettings}.
 */
package dev.portico.auth.session;
