package dev.portico.admin;

/** Names shown to people, made from names in code: {@code publishDate} → {@code Publish date}. */
final class Labels {
    private Labels() {}

    /** A component or class name as words, the first capitalised: {@code hireDate} → {@code Hire date}. */
    static String humanise(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_') {
                out.append(' ');
            } else if (Character.isUpperCase(c) && i > 0) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(i == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return out.toString();
    }

    /** A class name in lower-case words: {@code BlogPost} → {@code blog post}. */
    static String words(String simpleName) {
        return humanise(simpleName).toLowerCase(java.util.Locale.ROOT);
    }
}
