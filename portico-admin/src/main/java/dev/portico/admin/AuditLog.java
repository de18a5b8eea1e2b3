package dev.portico.admin;

import dev.portico.auth.accounts.Rows;
import dev.portico.auth.accounts.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log in {@code admin_log_entries} ({@code V1__create_log_entries.sql} of {@link Admin#MIGRATIONS}):
 * every add, change and delete made in the admin site, with who, when and what changed. Texts are cut to their
 * columns' lengths, so a long label never makes the write that it records fail.
 */
public final class AuditLog {
    private static final String SELECT = "select id, action_time, user_id, username, object_type, object_id, "
            + "object_label, action, change_message from admin_log_entries ";
    private final Jdbi jdbi;
    private final Clock clock;

    AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records that {@code user} did {@code action} to the object; answers the entry. */
    public LogEntry record(User user, String objectType, String objectId, String label, String action,
                           String message) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = jdbi.withHandle(h -> h.createUpdate("insert into admin_log_entries (action_time, user_id, username, "
                        + "object_type, object_id, object_label, action, change_message) values (:time, :user, "
                        + ":username, :type, :object, :label, :action, :message)")
                .bind("time", Rows.timestamp(now)).bind("user", user.id()).bind("username", user.username())
                .bind("type", cut(objectType, 64)).bind("object", cut(objectId, 64)).bind("label", cut(label, 200))
                .bind("action", action).bind("message", cut(message, 2000))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new LogEntry(id, now, Optional.of(user.id()), user.username(), objectType, objectId, label, action,
                message);
    }

    /** The history of one object, oldest first (Django's history page). */
    public List<LogEntry> history(String objectType, String objectId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "where object_type = :type and object_id = :object "
                        + "order by action_time, id").bind("type", objectType).bind("object", objectId)
                .map((rs, ctx) -> entry(rs)).list());
    }

    /** The latest entries of every object, newest first (the index page's "recent actions"). */
    public List<LogEntry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "order by action_time desc, id desc limit :limit")
                .bind("limit", limit).map((rs, ctx) -> entry(rs)).list());
    }

    private static LogEntry entry(ResultSet rs) throws SQLException {
        long user = rs.getLong("user_id");
        Optional<Long> userId = rs.wasNull() ? Optional.empty() : Optional.of(user);
        return new LogEntry(rs.getLong("id"), Rows.instant(rs, "action_time").orElseThrow(), userId,
                rs.getString("username"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("object_label"), rs.getString("action"), rs.getString("change_message"));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
