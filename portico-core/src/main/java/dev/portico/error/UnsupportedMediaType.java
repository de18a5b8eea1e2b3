package dev.portico.error;

/** 415: the body's Content-Type is not one the endpoint reads. */
public class UnsupportedMediaType extends ApiException {

    /** For a body sent as {@code mediaType} (empty when the header was missing). */
    public UnsupportedMediaType(String mediaType) {
        super(415, "unsupported_media_type", "Unsupported media type \"" + mediaType + "\" in request.");
    }
}
