/**
 * Records mapped to tables: {@link dev.portico.data.model.Model} derives the table, the columns and the
 * framework's own fields (id, createdAt, updatedAt, version) from a record once at startup.
 */
package dev.portico.data.model;
