/**
 * SQL storage for Portico applications: the connection pool, migrations, queries, and (later) models and
 * CRUD resources. H2 is the embedded default; PostgreSQL is chosen by a JDBC URL in configuration.
 */
package dev.portico.data;
