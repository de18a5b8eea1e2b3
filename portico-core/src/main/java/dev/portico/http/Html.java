package dev.portico.http;

/**
 * HTML escaping for the server-rendered pages (the docs pages, portico-auth's keys page): one function, so every
 * page escapes the same five characters the same way.
 */
public final class Html {
    private Html() {}

    /** Escapes text for an element's content or a quoted attribute value: {@code & < > " '}. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
