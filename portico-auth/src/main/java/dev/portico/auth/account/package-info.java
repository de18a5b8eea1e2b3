/**
 * The account endpoints of dj-rest-auth (register, login, logout, the user, password change, and a CSRF token) on
 * {@link dev.portico.auth.session.Sessions}; mounted with {@link dev.portico.auth.account.AccountEndpoints#addTo}.
 */
package dev.portico.auth.account;
