package db.portico.auth;

import dev.portico.auth.accounts.Usernames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usernames unique without regard to case, width or confusable letters (issue 18): adds {@code username_key}, fills
 * it for every existing row with {@link Usernames#key} (a Java migration, because SQL cannot compute a TR39 skeleton)
 * and puts a unique index on it. Nothing is lost when existing rows already collide ({@code alice} and
 * {@code ALICE}): the oldest account (lowest id) keeps the key; each later one gets its key with {@code #<id>} added,
 * stays as it is and goes on logging in with its own username, and is named in a warning so an administrator can
 * rename it ({@code ./manage user}). Stored usernames are put in NFKC, as registration now stores them, unless that
 * form is another row's username exactly.
 */
public class V4_1__username_key extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V4_1__username_key.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table auth_users add column username_key varchar(1000)");
        }
        Map<Long, String> usernames = new java.util.LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select id, username from auth_users order by id")) {
            while (rows.next()) {
                usernames.put(rows.getLong(1), rows.getString(2));
            }
        }
        java.util.Set<String> taken = new java.util.HashSet<>(usernames.values());
        Map<String, String> keys = new HashMap<>();
        try (PreparedStatement update =
                c.prepareStatement("update auth_users set username = ?, username_key = ? where id = ?")) {
            for (Map.Entry<Long, String> row : usernames.entrySet()) {
                String normal = normalized(row.getValue(), taken);
                String key = Usernames.key(normal);
                String earlier = keys.putIfAbsent(key, normal);
                if (earlier != null) {
                    LOG.warn(
                            "usernames '{}' (id {}) and '{}' read alike; both accounts are kept, and '{}' should be "
                                    + "renamed (./manage user)",
                            normal,
                            row.getKey(),
                            earlier,
                            normal);
                    key = key + "#" + row.getKey();
                }
                update.setString(1, normal);
                update.setString(2, key);
                update.setLong(3, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table auth_users alter column username_key set not null");
            s.execute("create unique index auth_users_username_skeleton on auth_users (username_key)");
        }
    }

    /** The NFKC form, unless it is another row's username exactly: then the name stays as it was. */
    private static String normalized(String username, java.util.Set<String> taken) {
        String normal = Usernames.normalize(username);
        if (normal.equals(username) || taken.contains(normal)) {
            return username;
        }
        taken.add(normal);
        return normal;
    }
}
