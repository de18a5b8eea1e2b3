package dev.portico.admin;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What goes with a row when it is deleted (Django's "the following related objects will be deleted"): the rows of
 * other tables whose foreign keys point at it, read from the database's own constraints, so nothing is declared
 * twice. The constraints are read once per table, on first use (the database is not open when the app is built);
 * per delete page it is one count per referring table.
 */
final class Related {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private final DataSource data;
    private final Map<String, List<Reference>> byTable = new ConcurrentHashMap<>();

    /** A foreign key of {@code table.column} to the row, and what deleting the row does to it. */
    record Reference(String table, String column, boolean cascades) {}

    /** One line of the confirmation: {@code 3 auth api keys (deleted with it)}. */
    record Consequence(String table, long count, boolean cascades) {}

    Related(DataSource data) {
        this.data = data;
    }

    List<Consequence> of(String table, Object id) throws SQLException {
        List<Consequence> out = new ArrayList<>();
        for (Reference r : references(table)) {
            try (Connection c = data.getConnection();
                    PreparedStatement st =
                            c.prepareStatement("select count(*) from " + r.table() + " where " + r.column() + " = ?")) {
                st.setObject(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    if (n > 0) {
                        out.add(new Consequence(r.table(), n, r.cascades()));
                    }
                }
            }
        }
        return out;
    }

    private List<Reference> references(String table) throws SQLException {
        List<Reference> known = byTable.get(table);
        if (known != null) {
            return known;
        }
        List<Reference> found = new ArrayList<>();
        try (Connection c = data.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getExportedKeys(c.getCatalog(), c.getSchema(), table)) {
                while (rs.next()) {
                    String t = rs.getString("FKTABLE_NAME");
                    String col = rs.getString("FKCOLUMN_NAME");
                    if (IDENTIFIER.matcher(t).matches()
                            && IDENTIFIER.matcher(col).matches()) {
                        found.add(new Reference(
                                t, col, rs.getShort("DELETE_RULE") == DatabaseMetaData.importedKeyCascade));
                    }
                }
            }
        }
        byTable.put(table, List.copyOf(found));
        return found;
    }
}
