package dev.portico.data.query;

import dev.portico.pagination.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Query} on a JDBC connection (from a pool, or a JDBI handle's {@code getConnection()}) and shapes
 * the answer: every statement is a {@link PreparedStatement} with the plan's binds.
 */
public final class Pager {

    private Pager() {}

    /** Maps the current row of a result set to an item. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /** The item of the current row. */
        T map(ResultSet row) throws SQLException;
    }

    /** A page-number or limit/offset page: a count, then the window's rows; 404 {@code Invalid page.} past the end. */
    public static <T> Page<T> page(Connection connection, Query query, RowMapper<T> mapper, BaseUrl base)
            throws SQLException {
        long count;
        try (PreparedStatement st = prepare(connection, query.count());
                ResultSet rs = st.executeQuery()) {
            rs.next();
            count = rs.getLong(1);
        }
        Window window = query.window(count);
        List<T> rows = new ArrayList<>(window.limit() > 1000 ? 1000 : window.limit());
        try (PreparedStatement st = prepare(connection, query.select(window));
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return query.page(rows, window, base);
    }

    /** A cursor page: one keyset query, no count. */
    public static <T> CursorPage<T> cursorPage(Connection connection, Query query, RowMapper<T> mapper, BaseUrl base)
            throws SQLException {
        List<FieldDef> keyFields = query.keyFields();
        List<T> rows = new ArrayList<>();
        List<List<Object>> keys = new ArrayList<>();
        try (PreparedStatement st = prepare(connection, query.cursorSelect());
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
                List<Object> key = new ArrayList<>(keyFields.size());
                for (FieldDef f : keyFields) {
                    key.add(read(rs, f));
                }
                keys.add(key);
            }
        }
        return query.cursorPage(rows, keys, base);
    }

    /** A prepared statement with the binds set. */
    public static PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql.text());
        try {
            for (int i = 0; i < sql.binds().size(); i++) {
                st.setObject(i + 1, jdbcValue(sql.binds().get(i)));
            }
            return st;
        } catch (SQLException | RuntimeException e) {
            st.close();
            throw e;
        }
    }

    /** Values JDBC drivers all accept: PostgreSQL's has no {@code Instant}, and enums are stored by name. */
    private static Object jdbcValue(Object value) {
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return value instanceof Enum<?> e ? e.name() : value;
    }

    private static Object read(ResultSet rs, FieldDef f) throws SQLException {
        Class<?> type = java.lang.invoke.MethodType.methodType(f.type()).wrap().returnType();
        if (type == Instant.class) {
            OffsetDateTime t = rs.getObject(f.label(), OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
        if (type.isEnum() || type == String.class) {
            return rs.getString(f.label());
        }
        return rs.getObject(f.label(), type);
    }
}
