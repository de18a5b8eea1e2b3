package dev.portico.data.query;

/**
 * The allow-list for the SQL identifiers a declaration may use: letters, digits and underscores, optionally
 * one {@code qualifier.} prefix. Anything else (quotes, spaces, parentheses, comments) is refused at build
 * time, so the declared names can be written into SQL as they are.
 */
final class Identifiers {

    private Identifiers() {}

    /** Returns {@code name} when it is a plain or qualified SQL identifier; fails with the fix otherwise. */
    static String sql(String what, String name) {
        int dot = name.indexOf('.');
        boolean ok =
                dot < 0 ? plain(name, 0, name.length()) : plain(name, 0, dot) && plain(name, dot + 1, name.length());
        if (!ok) {
            throw new IllegalArgumentException(what + " \"" + name + "\" is not a plain SQL identifier "
                    + "([A-Za-z_][A-Za-z0-9_]*, optionally qualified as table.column); rename it or use a view");
        }
        return name;
    }

    /**
     * Returns {@code name} when it can be a public field name: an identifier without {@code __}; upper-case letters
     * are allowed, as {@code json.naming=camel_case} writes {@code createdAt}.
     */
    static String field(String name) {
        if (!plain(name, 0, name.length()) || name.contains("__")) {
            throw new IllegalArgumentException("field name \"" + name + "\" must be an identifier "
                    + "without \"__\" (which separates a field from its lookup)");
        }
        return name;
    }

    private static boolean plain(String s, int from, int to) {
        if (to - from < 1 || to - from > 63) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > from && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
