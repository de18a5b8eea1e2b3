package dev.portico.http;

import java.util.Locale;

/** Media type names Portico produces or accepts, and the helpers to compare them without allocating. */
public final class MediaType {
    public static final String APPLICATION_JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String TEXT_PLAIN = "text/plain";
    public static final String FORM_URLENCODED = "application/x-www-form-urlencoded";
    public static final String MULTIPART_FORM_DATA = "multipart/form-data";

    public static final String TEXT_PLAIN_UTF8 = "text/plain; charset=UTF-8";

    private MediaType() {}

    /**
     * The essence of a Content-Type header value: type/subtype, lower-cased, without parameters.
     * {@code "Application/JSON; charset=utf-8"} gives {@code "application/json"}.
     */
    public static String essence(String contentType) {
        int semi = contentType.indexOf(';');
        String essence = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return essence.toLowerCase(Locale.ROOT);
    }
}
