package dev.portico.clientgen.internal;

import java.util.regex.Pattern;

/**
 * Hides the user information of URLs ({@code http://user:password@host/...}) in text the commands print: a document's
 * URL given on the command line may carry a password, and neither a progress line nor an error should repeat it.
 */
public final class UserInfo {
    /**
     * A scheme, {@code //}, then everything up to the last {@code @} before the host ends (a path, query, fragment
     * or white space): a raw {@code @} in a password stays hidden too.
     */
    private static final Pattern USER_INFO = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#\\s]*@");

    private UserInfo() {}

    /** {@code text} with every URL's user information replaced by {@code ***}: {@code http://***@host/...}. */
    public static String redacted(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
    }
}
