package dev.portico.admin;

import dev.portico.auth.accounts.Rows;
import dev.portico.auth.accounts.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log in {@code admin_log_entries} ({@code V1__create_log_entries.sql} of {@link Admin#MIGRATIONS}):
 * every add, change and delete made in the admin site, with who, when and what changed. An entry is written in the
 * same transaction as the change it records (Django's admin wraps both in {@code transaction.atomic}): a change whose
 * entry cannot be written is rolled back, so the log never misses one. Texts are cut to their columns' lengths, so a
 * long label never makes the write that it records fail.
 */
public final class AuditLog {
    private static final String INSERT = "insert into admin_log_entries (action_time, user_id, username, object_type, "
            + "object_id, object_label, action, change_message) values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "select id, action_time, user_id, username, object_type, object_id, "
            + "object_label, action, change_message from admin_log_entries ";
    private final Jdbi jdbi;
    private final Clock clock;

    AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records that {@code user} did {@code action} to the object, on {@code connection}: inside the transaction of
     * the change it records, so both are committed or neither.
     */
    void record(
            Connection connection,
            User user,
            String objectType,
            String objectId,
            String label,
            String action,
            String message)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(INSERT)) {
            st.setObject(1, Rows.timestamp(clock.instant()));
            st.setLong(2, user.id());
            st.setString(3, user.username());
            st.setString(4, cut(objectType, 64));
            st.setString(5, cut(objectId, 64));
            st.setString(6, cut(label, 200));
            st.setString(7, action);
            st.setString(8, cut(message, 2000));
            st.executeUpdate();
        }
    }

    /**
     * Runs {@code change} (the accounts' own writes) and then records its entry, in one transaction on the accounts'
     * database: the accounts' stores share its Jdbi, whose nested calls on this thread reuse this transaction's
     * handle. If the change or the entry fails, both are rolled back. Answers what {@code change} answers.
     */
    <R> R recordWith(
            User user,
            String objectType,
            String objectId,
            String label,
            Supplier<R> change,
            Function<R, String> message) {
        try {
            return jdbi.inTransaction(h -> {
                R result = change.get();
                record(h.getConnection(), user, objectType, objectId, label, LogEntry.CHANGED, message.apply(result));
                return result;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("admin: the audit entry could not be written, so the change was undone", e);
        }
    }

    /** The history of one object, oldest first (Django's history page). */
    public List<LogEntry> history(String objectType, String objectId) {
        return jdbi.withHandle(h -> h.createQuery(
                        SELECT + "where object_type = :type and object_id = :object " + "order by action_time, id")
                .bind("type", objectType)
                .bind("object", objectId)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    /** The latest entries of every object, newest first (the index page's "recent actions"). */
    public List<LogEntry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "order by action_time desc, id desc limit :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    private static LogEntry entry(ResultSet rs) throws SQLException {
        long user = rs.getLong("user_id");
        Optional<Long> userId = rs.wasNull() ? Optional.empty() : Optional.of(user);
        return new LogEntry(
                rs.getLong("id"),
                Rows.instant(rs, "action_time").orElseThrow(),
                userId,
                rs.getString("username"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getString("object_label"),
                rs.getString("action"),
                rs.getString("change_message"));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
