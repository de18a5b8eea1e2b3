package dev.portico.auth.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Conversions between the accounts tables and Java, shared by the stores of this module: timestamps travel as
 * UTC {@code OffsetDateTime}s truncated to microseconds (what PostgreSQL keeps), scopes as one space-separated text.
 */
public final class Rows {
    private static final Pattern SPACES = Pattern.compile(" +");

    private Rows() {}

    /** An instant as the column stores it. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** A nullable timestamp column. */
    public static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /** A nullable timestamp column, by position. */
    static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /** The scopes of a {@code scopes} column. */
    public static Set<String> scopes(String text) {
        return text == null || text.isBlank()
                ? Set.of()
                : Arrays.stream(SPACES.split(text.trim())).collect(Collectors.toUnmodifiableSet());
    }

    /** Scopes as the column stores them, sorted so equal sets store equal text. */
    public static String scopes(Set<String> scopes) {
        return scopes.stream().sorted().collect(Collectors.joining(" "));
    }

    /** Whether an exception is a unique-constraint violation (SQLSTATE 23505), on H2 and PostgreSQL alike. */
    public static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
