/**
 * Server-rendered pages for end users: {@link dev.portico.auth.web.KeysPages}, where a user signs in with a session
 * and lists, creates and revokes their own API keys, with CSRF-protected plain forms, escaped output, a strict
 * Content-Security-Policy and one small script of its own for the copy button.
 */
package dev.portico.auth.web;
