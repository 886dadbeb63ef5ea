package dev.census.server.store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * Hands out connections to one open DuckDB database: DuckDB allows one process per file, and
 * {@link DuckDBConnection#duplicate()} gives cheap extra connections to the same instance.
 */
final class DuckDbDataSource implements DataSource, AutoCloseable {

    private final DuckDBConnection root;

    private DuckDbDataSource(DuckDBConnection root) {
        this.root = root;
    }

    static DuckDbDataSource open(Path file) {
        try {
            Properties properties = new Properties();
            Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties);
            return new DuckDbDataSource(connection.unwrap(DuckDBConnection.class));
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return root.duplicate();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot close DuckDB: " + e.getMessage(), e);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
