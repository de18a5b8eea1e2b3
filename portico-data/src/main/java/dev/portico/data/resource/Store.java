package dev.portico.data.resource;

import dev.portico.data.model.JdbcValues;
import dev.portico.data.model.Model;
import dev.portico.data.model.ModelField;
import dev.portico.data.query.Sql;
import dev.portico.error.NotFound;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The single-row statements of a resource, on the model's generated SQL. Every write is one conditional statement
 * inside a transaction: {@code UPDATE ... SET <sent fields>, updated_at = ?, version = version + 1 WHERE id = ?
 * [AND version = ?] AND (<scope>)}. The database serialises writers on the row, so two concurrent updates both
 * apply (and the version counts both); with {@code If-Match} the second one matches no row and is a 412.
 */
final class Store<T extends Record> {
    private final Model<T> model;
    private final DataSource data;
    private final String byId;
    private final Clock clock;

    Store(Model<T> model, DataSource data, Clock clock) {
        this.model = model;
        this.data = data;
        this.clock = clock;
        this.byId = model.select() + " WHERE " + model.key().column() + " = ?";
    }

    /** Where the rows are. */
    DataSource dataSource() {
        return data;
    }

    /** The row, if the scope lets the caller see it; 404 otherwise (hidden rows are "not found", as in DRF). */
    T find(Object id, Sql scope) throws SQLException {
        try (Connection c = data.getConnection()) {
            T row = select(c, id, scope);
            if (row == null) {
                throw new NotFound();
            }
            return row;
        }
    }

    /**
     * A check of the row a write is about to change, run inside the write's transaction with the row locked
     * (an object permission): it throws to refuse.
     */
    @FunctionalInterface
    interface Check<T> {
        void check(T row);
    }

    /** Inserts the values with the framework's fields, and answers the stored row. */
    T insert(Map<ModelField, Object> values) throws SQLException {
        return insert(values, null);
    }

    /** {@link #insert(Map)}, then {@code then} on the new row in the same transaction (null for nothing). */
    T insert(Map<ModelField, Object> values, Rows.InTransaction<? super T> then) throws SQLException {
        Instant now = now();
        List<String> columns = new ArrayList<>();
        List<Object> binds = new ArrayList<>();
        values.forEach((f, v) -> {
            columns.add(f.column());
            binds.add(v);
        });
        model.createdAt().ifPresent(f -> {
            columns.add(f.column());
            binds.add(now);
        });
        model.updatedAt().ifPresent(f -> {
            columns.add(f.column());
            binds.add(now);
        });
        model.version().ifPresent(f -> {
            columns.add(f.column());
            binds.add(1L);
        });
        String publicId = model.publicId().isPresent() ? model.newPublicId() : null;
        model.publicId().ifPresent(f -> {
            columns.add(f.column());
            binds.add(publicId);
        });
        String sql = "INSERT INTO " + model.table() + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size()).substring(0, Math.max(0, columns.size() * 3 - 2)) + ")";
        return inTransaction(c -> {
            Object id = publicId;
            String[] generated =
                    publicId != null ? new String[0] : new String[] {model.key().column()};
            try (PreparedStatement st = c.prepareStatement(sql, generated)) {
                bind(st, binds);
                st.executeUpdate();
                if (publicId == null) {
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
            }
            T row = select(c, id, null);
            if (then != null) {
                then.run(c, row);
            }
            return row;
        });
    }

    /**
     * Writes the values to the row in one statement, if the scope lets the caller see it and, when
     * {@code expected} is not null (an {@code If-Match} was sent), if its version is still one of {@code expected}; answers the row as
     * written. 404 when the caller cannot see it, 412 when its version moved on.
     */
    T update(Object id, Map<ModelField, Object> values, long[] expected, Sql scope, Check<T> check)
            throws SQLException {
        return update(id, values, expected, scope, check, null);
    }

    /** {@link #update}, then {@code then} on the row as written in the same transaction (null for nothing). */
    T update(
            Object id,
            Map<ModelField, Object> values,
            long[] expected,
            Sql scope,
            Check<T> check,
            Rows.InTransaction<? super T> then)
            throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE ").append(model.table()).append(" SET ");
        List<Object> binds = new ArrayList<>();
        String comma = "";
        for (Map.Entry<ModelField, Object> e : values.entrySet()) {
            sql.append(comma).append(e.getKey().column()).append(" = ?");
            binds.add(e.getValue());
            comma = ", ";
        }
        if (model.updatedAt().isPresent()) {
            sql.append(comma).append(model.updatedAt().get().column()).append(" = ?");
            binds.add(now());
            comma = ", ";
        }
        if (model.version().isPresent()) {
            String v = model.version().get().column();
            sql.append(comma).append(v).append(" = ").append(v).append(" + 1");
            comma = ", ";
        }
        if (comma.isEmpty()) {
            String idc = model.key().column();
            sql.append(idc).append(" = ").append(idc);
        }
        return write(sql, binds, id, expected, scope, check, then, true);
    }

    /** Deletes the row under the same conditions as {@link #update}. */
    void delete(Object id, long[] expected, Sql scope, Check<T> check) throws SQLException {
        delete(id, expected, scope, check, null);
    }

    /** {@link #delete}, then {@code then} (with no row) in the same transaction (null for nothing). */
    void delete(Object id, long[] expected, Sql scope, Check<T> check, Rows.InTransaction<? super T> then)
            throws SQLException {
        write(
                new StringBuilder("DELETE FROM ").append(model.table()),
                new ArrayList<>(),
                id,
                expected,
                scope,
                check,
                then,
                false);
    }

    /**
     * Deletes every row of {@code ids} whose version is still its {@code expected} entry, each followed by {@code then},
     * all in one transaction: one changed since it was read ({@link PreconditionFailed}) deletes none. Rows already
     * gone are skipped; the answer says, per id, whether it was deleted here.
     */
    List<Boolean> deleteAll(List<Object> ids, List<long[]> expected, Rows.EachDeleted then) throws SQLException {
        return inTransaction(c -> {
            List<Boolean> deleted = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                int index = i;
                try {
                    write(
                            c,
                            statement(
                                    new StringBuilder("DELETE FROM ").append(model.table()),
                                    new ArrayList<>(),
                                    ids.get(i),
                                    expected.get(i),
                                    null),
                            ids.get(i),
                            null,
                            null,
                            (connection, gone) -> then.run(connection, index),
                            false);
                    deleted.add(true);
                } catch (NotFound gone) {
                    deleted.add(false);
                }
            }
            return deleted;
        });
    }

    /**
     * Without a check, one conditional statement. With one, the row is first read and locked ({@code FOR UPDATE}:
     * no writer can change it between the check and the write), 404 when the caller cannot see it, then checked.
     */
    private T write(
            StringBuilder sql,
            List<Object> binds,
            Object id,
            long[] expected,
            Sql scope,
            Check<T> check,
            Rows.InTransaction<? super T> then,
            boolean reread)
            throws SQLException {
        Statement statement = statement(sql, binds, id, expected, scope);
        return inTransaction(c -> write(c, statement, id, scope, check, then, reread));
    }

    /** A write's SQL and binds: the row by key, at one of the expected versions, within the scope. */
    private record Statement(String sql, List<Object> binds) {}

    private Statement statement(StringBuilder sql, List<Object> binds, Object id, long[] expected, Sql scope) {
        sql.append(" WHERE ").append(model.key().column()).append(" = ?");
        binds.add(id);
        if (expected != null) {
            if (model.version().isEmpty() || expected.length == 0) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND ")
                        .append(model.version().get().column())
                        .append(" IN (")
                        .append("?, ".repeat(expected.length), 0, expected.length * 3 - 2)
                        .append(')');
                for (long v : expected) {
                    binds.add(v);
                }
            }
        }
        appendScope(sql, binds, scope);
        return new Statement(sql.toString(), binds);
    }

    private T write(
            Connection c,
            Statement statement,
            Object id,
            Sql scope,
            Check<T> check,
            Rows.InTransaction<? super T> then,
            boolean reread)
            throws SQLException {
        if (check != null) {
            T current = select(c, id, scope, " FOR UPDATE");
            if (current == null) {
                throw new NotFound();
            }
            check.check(current);
        }
        int count;
        try (PreparedStatement st = c.prepareStatement(statement.sql())) {
            bind(st, statement.binds());
            count = st.executeUpdate();
        }
        if (count == 0) {
            throw select(c, id, scope) != null ? new PreconditionFailed() : new NotFound();
        }
        T written = reread ? select(c, id, null) : null;
        if (then != null) {
            then.run(c, written);
        }
        return written;
    }

    /** Work on one connection in one transaction: committed when it returns, rolled back when it throws. */
    @FunctionalInterface
    private interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    private <R> R inTransaction(Work<R> work) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                rollback(c, e);
                throw integrity(e);
            } catch (RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        }
    }

    /**
     * Rolls back, keeping the first failure: on a connection the database cut (it restarted), the rollback fails too
     * ("Connection is closed", no SQLState), and throwing that would hide the connection failure that makes the
     * answer a 503 instead of a 500.
     */
    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private T select(Connection c, Object id, Sql scope) throws SQLException {
        return select(c, id, scope, "");
    }

    private T select(Connection c, Object id, Sql scope, String lock) throws SQLException {
        StringBuilder sql = new StringBuilder(byId);
        List<Object> binds = new ArrayList<>();
        binds.add(id);
        appendScope(sql, binds, scope);
        sql.append(lock);
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            bind(st, binds);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? model.read(rs) : null;
            }
        }
    }

    private static void appendScope(StringBuilder sql, List<Object> binds, Sql scope) {
        if (scope != null) {
            sql.append(" AND (").append(scope.text()).append(')');
            binds.addAll(scope.binds());
        }
    }

    private static void bind(PreparedStatement st, List<Object> binds) throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            JdbcValues.bind(st, i + 1, binds.get(i));
        }
    }

    /** Microseconds: PostgreSQL's timestamps keep no more, so the value written is the value read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A write the database refused by one of its rules (SQLSTATE class 23: a unique value taken, a required
     * value missing) is the caller's conflict, not a server fault: 409, naming no table or column.
     */
    private static SQLException integrity(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            throw new dev.portico.error.ApiException(
                    409,
                    "conflict",
                    "The data conflicts with a rule of the database: a value that must be unique or present.");
        }
        return e;
    }
}
