/**
 * The admin site (Django's {@code django.contrib.admin}): staff sign in with the session of portico-auth and list,
 * search, filter, add, change and delete the rows of the registered resources, with an audit log of every change.
 * {@link dev.portico.admin.Admin} is the entry point.
 */
package dev.portico.admin;
