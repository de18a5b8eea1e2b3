package dev.portico.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.portico.pagination.Page;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The baseline of the database row, written by hand: a HikariCP pool, plain JDBC (the same two statements the
 * Portico resource runs: a count, then the page ordered by {@code -created_at} with the id as tiebreaker), rows
 * to the same record, the same DRF page written by the same Jackson mapper. The page parameters and the
 * {@code next}/{@code previous} links follow DRF's page-number pagination, as the resource does: {@code page_size}
 * defaults to 10 and is clamped to 100, the links start with the checked Host header and keep the other
 * parameters. The caller shows a bearer JWT ({@link RawToken}) whose user, read on the same connection with their
 * roles as Portico reads a caller, is active and of the token's epoch. It skips what Portico does besides (strict
 * parameter checks, 404 past the last page, ...).
 */
final class RawPosts {
    private static final String COUNT = "SELECT COUNT(*) FROM posts";
    private static final String SELECT = "SELECT id, title, content, draft, created_at FROM posts"
            + " ORDER BY created_at DESC NULLS FIRST, id ASC NULLS LAST LIMIT ? OFFSET ?";
    /**
     * The user with their roles, as portico-auth's {@code Users} reads a token's caller (its statement, word for word):
     * Portico must read the roles to know the caller's scopes, so the floor reads them too.
     */
    private static final String USER = "select u.id, u.public_id, u.username, u.email, u.active, u.staff, u.superuser,"
            + " u.default_role, u.auth_epoch, u.created_at, u.last_login, r.name as role_name, r.scopes as role_scopes"
            + " from auth_users u left join auth_user_roles ur on ur.user_id = u.id left join auth_roles r on r.name ="
            + " ur.role_name where u.id = ?";

    private static final byte[] NOT_AUTHENTICATED =
            "{\"detail\":\"Authentication credentials were not provided.\",\"code\":\"not_authenticated\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOKEN_NOT_VALID =
            "{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] BAD_HOST =
            "{\"detail\":\"Invalid Host header.\",\"code\":\"bad_request\"}".getBytes(StandardCharsets.UTF_8);

    private final HikariDataSource pool;
    private final ObjectWriter writer;
    private final RawToken tokens = new RawToken(Posts.jwtSecret());

    /** A status and its JSON body. */
    record Answer(int status, byte[] body) {}

    RawPosts(String url, ObjectMapper mapper) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(Posts.user());
        if (!Posts.password().isEmpty()) {
            config.setPassword(Posts.password());
        }
        config.setMaximumPoolSize(Posts.POOL_SIZE);
        config.setPoolName("raw-db");
        this.pool = new HikariDataSource(config);
        this.writer = mapper.writerFor(new TypeReference<Page<Posts.Post>>() {});
    }

    /** The answer to a request to {@code rawPath?rawQuery} with these Authorization and Host headers. */
    Answer list(String authorization, String hostHeader, String rawPath, String rawQuery) throws Exception {
        String host = hostHeader == null ? "" : hostHeader.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (!Posts.ALLOWED_HOSTS.contains(colon > 0 ? host.substring(0, colon) : host)) {
            return new Answer(400, BAD_HOST.clone());
        }
        RawToken.Claims claims = tokens.check(authorization);
        if (claims == null) {
            return new Answer(401, authorization == null ? NOT_AUTHENTICATED.clone() : TOKEN_NOT_VALID.clone());
        }
        int size = Math.min(positive(Query.first(rawQuery, "page_size"), 10), 100);
        int number = positive(Query.first(rawQuery, "page"), 1);
        long count;
        List<Posts.Post> rows = new ArrayList<>(size);
        try (Connection c = pool.getConnection()) {
            if (!activeUser(c, claims)) {
                return new Answer(401, TOKEN_NOT_VALID.clone());
            }
            try (PreparedStatement st = c.prepareStatement(COUNT);
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
            try (PreparedStatement st = c.prepareStatement(SELECT)) {
                st.setInt(1, size);
                st.setLong(2, (long) (number - 1) * size);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
            }
        }
        String self = "http://" + host + rawPath + "?" + without(rawQuery, "page");
        String next = (long) number * size < count ? self + "page=" + (number + 1) : null;
        String previous = number > 1 ? (number == 2 ? trim(self) : self + "page=" + (number - 1)) : null;
        return new Answer(200, writer.writeValueAsBytes(new Page<>(count, next, previous, rows)));
    }

    /**
     * Whether the token's user exists, is active and has not ended their sessions since it was signed; their roles
     * are read to the end, as a caller's scopes are.
     */
    private static boolean activeUser(Connection c, RawToken.Claims claims) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(USER)) {
            st.setLong(1, claims.userId());
            try (ResultSet rs = st.executeQuery()) {
                boolean active = false;
                List<String> roles = new ArrayList<>(2);
                for (boolean first = true; rs.next(); first = false) {
                    if (first) {
                        active = rs.getBoolean(5) && rs.getLong(9) == claims.epoch();
                    }
                    String role = rs.getString(12);
                    if (role != null) {
                        roles.add(role + " " + rs.getString(13));
                    }
                }
                return active;
            }
        }
    }

    private static Posts.Post read(ResultSet rs) throws SQLException {
        OffsetDateTime created = rs.getObject(5, OffsetDateTime.class);
        return new Posts.Post(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBoolean(4),
                created == null ? null : created.toInstant());
    }

    /** The raw query without the parameter {@code name}, ending with {@code &} when anything is left. */
    private static String without(String raw, String name) {
        StringBuilder out = new StringBuilder(raw.length() + 1);
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty() && !pair.equals(name) && !pair.startsWith(name + "=")) {
                out.append(pair).append('&');
            }
        }
        return out.toString();
    }

    /** The link without a trailing {@code ?} or {@code &}. */
    private static String trim(String link) {
        return link.substring(0, link.length() - 1);
    }

    private static int positive(String text, int fallback) {
        try {
            int n = text == null ? fallback : Integer.parseInt(text);
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
