package dev.portico.data.resource;

/** The actions of a resource, DRF's ModelViewSet's, each one endpoint. */
public enum Action {
    /** {@code GET /prefix/}: a page of the rows the caller may see, filtered, ordered and paginated. */
    LIST,
    /** {@code POST /prefix/}: 201 with {@code Location} and {@code ETag}. */
    CREATE,
    /** {@code GET /prefix/{id}/}: the row with its {@code ETag}, or 404. */
    RETRIEVE,
    /** {@code PUT /prefix/{id}/}: every writable field, honouring {@code If-Match}. */
    UPDATE,
    /** {@code PATCH /prefix/{id}/}: only the fields sent, honouring {@code If-Match}. */
    PARTIAL_UPDATE,
    /** {@code DELETE /prefix/{id}/}: 204, honouring {@code If-Match}. */
    DESTROY;

    /** Whether the action is about one row ({@code /prefix/{id}/}), which object permissions check. */
    public boolean isItem() {
        return this != LIST && this != CREATE;
    }
}
