package dev.portico.data.model;

import java.util.Locale;

/** The naming rules of models: Java names to snake_case, English plurals, and the SQL identifier allow-list. */
final class Names {

    private Names() {}

    /** {@code BlogPost} → {@code blog_post}, {@code createdAt} → {@code created_at}, {@code userID} → {@code user_id}. */
    static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
                boolean beforeLower = i > 0 && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || beforeLower) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The English plural of the last word, for the regular forms: post → posts, category → categories, box → boxes. */
    static String plural(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
            return word + "es";
        }
        if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }

    /** Returns {@code name} when it is a plain SQL identifier; fails naming what it is and the fix otherwise. */
    static String identifier(String what, String name) {
        boolean ok = !name.isEmpty() && name.length() <= 63;
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " \"" + name + "\" is not a plain SQL identifier "
                    + "([A-Za-z_][A-Za-z0-9_]*, at most 63 characters); rename it with @Table or @Column");
        }
        return name;
    }
}
