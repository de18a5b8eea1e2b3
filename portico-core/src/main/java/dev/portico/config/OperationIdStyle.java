package dev.portico.config;

/**
 * How the OpenAPI document derives operationIds when an endpoint names none ({@code openapi.operation-id-style}); client generators
 * name their methods after them.
 */
public enum OperationIdStyle {
    /** DRF's own {@code AutoSchema} (seed 001): action then base, {@code listEmployees}, {@code retrieveEmployee}. */
    DRF,
    /**
     * drf-spectacular's, which Pegasus (seed 000) uses: the path after the API prefix without its parameters, then
     * the action, joined by {@code _}: {@code employees_list}, {@code employees_retrieve},
     * {@code employees_partial_update}; a typescript-fetch client calls {@code employeesList()}.
     */
    SPECTACULAR
}
