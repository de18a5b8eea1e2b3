/**
 * Resources, the counterpart of DRF's generic views and ModelViewSet: a {@link dev.portico.data.model.Model},
 * input records that are the field sets a client may write, a list query, a scope and create hooks, turned into
 * ordinary endpoints with DRF's statuses, ETags and {@code If-Match}.
 */
package dev.portico.data.resource;
