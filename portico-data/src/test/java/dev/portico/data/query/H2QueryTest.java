package dev.portico.data.query;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The contract on H2 in memory, in its default (not PostgreSQL-compatible) mode. */
class H2QueryTest extends QueryExecutionContract {

    @Override
    Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:query_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    void close() throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("SHUTDOWN");
        }
        connection.close();
    }
}
