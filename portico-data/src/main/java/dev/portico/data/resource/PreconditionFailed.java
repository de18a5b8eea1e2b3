package dev.portico.data.resource;

import dev.portico.error.ApiException;

/** 412: the {@code If-Match} header names a version the row no longer has (someone else wrote it first). */
public class PreconditionFailed extends ApiException {

    /** With the standard sentence. */
    public PreconditionFailed() {
        super(412, "precondition_failed", "Precondition failed.");
    }
}
