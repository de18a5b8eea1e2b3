/**
 * The chrome Portico's server-rendered pages share (the browsable API, the admin): one layout, one stylesheet, the
 * security headers, Mustache templates compiled once.
 */
package dev.portico.auth.page;
