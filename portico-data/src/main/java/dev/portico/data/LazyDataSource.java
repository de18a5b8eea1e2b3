package dev.portico.data;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@link DataSource} a {@link Database} hands out before it is open: every call opens the database (once)
 * and goes to its pool, so resources built with it connect at the application's start, not at its build.
 */
final class LazyDataSource implements DataSource {
    private final Database db;

    LazyDataSource(Database db) {
        this.db = db;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return db.pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return db.pool().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return db.pool().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        db.pool().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        db.pool().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return db.pool().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return db.pool().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : db.pool().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || db.pool().isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "LazyDataSource[" + db.url() + "]";
    }
}
