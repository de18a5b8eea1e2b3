package dev.portico.data.model;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Java values to and from JDBC the way both H2 and PostgreSQL's drivers accept them: an {@code Instant} travels
 * as an {@code OffsetDateTime} in UTC (PostgreSQL's driver has no {@code Instant}), enums by name.
 */
public final class JdbcValues {

    private JdbcValues() {}

    /** Binds {@code value} to placeholder {@code index} (from 1); null is SQL NULL. */
    public static void bind(PreparedStatement st, int index, Object value) throws SQLException {
        switch (value) {
            case null -> st.setNull(index, Types.NULL);
            case Instant i -> st.setObject(index, i.atOffset(ZoneOffset.UTC));
            case Enum<?> e -> st.setString(index, e.name());
            default -> st.setObject(index, value);
        }
    }

    /** Reads column {@code index} (from 1) as {@code type} (a boxed type for primitives); null for SQL NULL. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object read(ResultSet rs, int index, Class<?> type) throws SQLException {
        if (type == Instant.class) {
            OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
        if (type.isEnum()) {
            String name = rs.getString(index);
            return name == null ? null : Enum.valueOf((Class) type, name);
        }
        return rs.getObject(index, type);
    }
}
