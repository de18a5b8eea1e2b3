package dev.portico.data.query;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract on PostgreSQL at 127.0.0.1:5432, database {@code test}, in a fresh schema dropped afterwards.
 * Skipped, with the reason printed, when the server is unreachable, except under {@code CI=true} where it fails.
 */
class PostgresQueryTest extends QueryExecutionContract {
    private final String schema = "query_" + Long.toHexString(System.nanoTime());

    @Override
    Connection open() throws SQLException {
        String url = System.getenv().getOrDefault("PORTICO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        Properties props = new Properties();
        props.setProperty("user", System.getenv().getOrDefault("PGUSER", "postgres"));
        props.setProperty("connectTimeout", "5");
        Connection c;
        try {
            c = DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            String reason = "PostgreSQL unreachable at " + url + ": " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new SQLException(reason, e);
            }
            System.out.println("SKIPPED PostgresQueryTest: " + reason);
            Assumptions.abort(reason);
            throw e;
        }
        try (var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        c.setSchema(schema);
        return c;
    }

    @Override
    void close() throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        connection.close();
    }
}
