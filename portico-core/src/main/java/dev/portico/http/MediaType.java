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

    private MediaType() {
    }

    /**
     * The essence of a Content-Type header value: type/subtype, lower-cased, without parameters.
     * {@code "Application/JSON; charset=utf-8"} gives {@code "application/json"}.
     */
    public static String essence(String contentType) {
        int semi = contentType.indexOf(';');
        String essence = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return essence.toLowerCase(Locale.ROOT);
    }

    /** The value of parameter {@code name} in a header value such as {@code multipart/form-data; boundary=x}. */
    public static java.util.Optional<String> parameter(String contentType, String name) {
        for (String part : contentType.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String value = part.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }
}
