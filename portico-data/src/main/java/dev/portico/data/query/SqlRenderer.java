package dev.portico.data.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Query} as SQL that H2 and PostgreSQL both run. Only declared, allow-listed identifiers and
 * fixed keywords go into the text; every client value is a {@code ?} with its value in the binds.
 */
final class SqlRenderer {
    private static final String LIKE = "LOWER(%s) LIKE LOWER(?) ESCAPE '\\'";

    private final StringBuilder sql = new StringBuilder(128);
    private final List<Object> binds = new ArrayList<>();

    static Sql count(Query q) {
        SqlRenderer r = new SqlRenderer();
        r.sql.append("SELECT COUNT(*) FROM ").append(q.spec().table);
        r.where(q, null);
        return r.done();
    }

    static Sql select(Query q, Window w) {
        SqlRenderer r = new SqlRenderer();
        r.sql.append("SELECT ").append(q.spec().select).append(" FROM ").append(q.spec().table);
        r.where(q, null);
        r.orderBy(q.ordering(), false);
        r.sql.append(" LIMIT ? OFFSET ?");
        r.binds.add(w.limit());
        r.binds.add(w.offset());
        return r.done();
    }

    /** The rows after (or before) the cursor's boundary row, one more than the page to know if more follow. */
    static Sql cursorSelect(Query q, PageRequest.Cursor c) {
        SqlRenderer r = new SqlRenderer();
        boolean forward = c.position().map(PageRequest.Position::forward).orElse(true);
        r.sql.append("SELECT ").append(q.spec().select).append(" FROM ").append(q.spec().table);
        r.where(q, c.position().orElse(null));
        r.orderBy(q.ordering(), !forward);
        r.sql.append(" LIMIT ?");
        r.binds.add(c.size() + 1);
        return r.done();
    }

    private Sql done() {
        return new Sql(sql.toString(), binds);
    }

    private void where(Query q, PageRequest.Position position) {
        String and = " WHERE ";
        for (Sql scope : q.scopes()) {
            sql.append(and).append('(').append(scope.text()).append(')');
            binds.addAll(scope.binds());
            and = " AND ";
        }
        for (Condition c : q.conditions()) {
            sql.append(and);
            condition(c);
            and = " AND ";
        }
        for (String term : q.searchTerms()) {
            sql.append(and).append('(');
            String or = "";
            for (FieldDef f : q.spec().searchFields) {
                sql.append(or).append(String.format(LIKE, f.column()));
                binds.add(contains(term));
                or = " OR ";
            }
            sql.append(')');
            and = " AND ";
        }
        if (position != null) {
            sql.append(and);
            keyset(q.ordering(), position);
        }
    }

    private void condition(Condition c) {
        String col = c.column();
        switch (c.lookup()) {
            case EXACT -> bind(col + " = ?", c.value());
            case GT -> bind(col + " > ?", c.value());
            case GTE -> bind(col + " >= ?", c.value());
            case LT -> bind(col + " < ?", c.value());
            case LTE -> bind(col + " <= ?", c.value());
            case ICONTAINS -> bind(String.format(LIKE, col), contains((String) c.value()));
            case ISNULL -> sql.append(col).append((Boolean) c.value() ? " IS NULL" : " IS NOT NULL");
            case IN -> {
                List<?> values = (List<?>) c.value();
                sql.append(col).append(" IN (");
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                    binds.add(values.get(i));
                }
                sql.append(')');
            }
        }
    }

    private void bind(String text, Object value) {
        sql.append(text);
        binds.add(value);
    }

    /**
     * Rows strictly after the boundary in the walking order, written without row-value comparisons so each key
     * may have its own direction: {@code (a > ?) OR (a = ? AND b < ?) OR (a = ? AND b = ? AND id > ?)}.
     */
    private void keyset(List<Order> ordering, PageRequest.Position p) {
        sql.append('(');
        for (int i = 0; i < ordering.size(); i++) {
            sql.append(i == 0 ? "(" : " OR (");
            for (int j = 0; j < i; j++) {
                bind(ordering.get(j).column() + " = ? AND ", p.values().get(j));
            }
            Order o = ordering.get(i);
            boolean greater = o.descending() != p.forward();
            bind(o.column() + (greater ? " > ?" : " < ?"), p.values().get(i));
            sql.append(')');
        }
        sql.append(')');
    }

    /** NULLs sort as the largest values on both databases (PostgreSQL's default; H2 needs telling). */
    private void orderBy(List<Order> ordering, boolean reversed) {
        sql.append(" ORDER BY ");
        for (int i = 0; i < ordering.size(); i++) {
            Order o = reversed ? ordering.get(i).reversed() : ordering.get(i);
            sql.append(i == 0 ? "" : ", ")
                    .append(o.column())
                    .append(o.descending() ? " DESC NULLS FIRST" : " ASC NULLS LAST");
        }
    }

    /** The LIKE pattern for "contains {@code text}", with the pattern characters in it escaped. */
    static String contains(String text) {
        StringBuilder p = new StringBuilder(text.length() + 4).append('%');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                p.append('\\');
            }
            p.append(c);
        }
        return p.append('%').toString();
    }
}
