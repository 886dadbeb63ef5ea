package dev.census.testing;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * An application's {@link DataSource} for tests: a real DuckDB file, or a database that hangs. Only
 * {@code getConnection} does anything; the rest of the interface answers as an unconfigured pool would.
 */
public final class TestDataSources {

    private TestDataSources() {
    }

    /** A DataSource that a test closes when done with it. */
    public interface TestDataSource extends DataSource, AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /** What hands out the connections. */
    @FunctionalInterface
    private interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * A DuckDB database in the file (created if absent, e.g. in a {@code @TempDir}), each connection
     * its own session on one open instance, as DuckDB allows one process per file; close releases the file.
     */
    public static TestDataSource duckDb(Path file) throws SQLException {
        DuckDBConnection root = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())
                .unwrap(DuckDBConnection.class);
        return of("DuckDB " + file, root::duplicate, root::close);
    }

    /** A database that answers nothing until {@code release} counts down, then refuses every connection. */
    public static TestDataSource hangingUntil(CountDownLatch release) {
        return of("a database hanging until released", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("database unavailable");
        }, () -> { });
    }

    private static TestDataSource of(String name, Connections connections, AutoCloseable close) {
        return (TestDataSource) Proxy.newProxyInstance(TestDataSources.class.getClassLoader(),
                new Class<?>[] {TestDataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> connections.open();
                    case "close" -> {
                        close.close();
                        yield null;
                    }
                    case "getLoginTimeout" -> 0;
                    case "isWrapperFor" -> false;
                    case "unwrap" -> throw new SQLException("not a wrapper");
                    case "getParentLogger" -> throw new SQLFeatureNotSupportedException();
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> name;
                    default -> null; // getLogWriter, setLogWriter, setLoginTimeout: no log writer, no timeout
                });
    }
}
