/**
 * The OpenAPI document, derived from the endpoint model and never written by hand: {@link
 * dev.portico.openapi.OpenApiGenerator} walks {@code Portico.endpoints()} once at build time, {@link
 * dev.portico.openapi.OpenApiDocument} holds the result rendered once as YAML and JSON, and {@link
 * dev.portico.openapi.SchemaView} holds the options of the schema endpoint, as DRF's {@code get_schema_view}.
 */
package dev.portico.openapi;
