package dev.portico.error;

/** 403: a known caller who may not do this. */
public class PermissionDenied extends ApiException {

    /** With the standard sentence: {@code You do not have permission to perform this action.}. */
    public PermissionDenied() {
        super(403, "permission_denied", "You do not have permission to perform this action.");
    }

    /** With a sentence of your own. */
    public PermissionDenied(String detail) {
        super(403, "permission_denied", detail);
    }
}
