package dev.census.server.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * Hands out connections to one open DuckDB database — DuckDB allows one process per file, and
 * {@link DuckDBConnection#duplicate()} gives cheap extra connections to the same instance — and opens
 * it afresh when the instance broke or the file at its path is another one.
 */
final class DuckDbDataSource implements DataSource, AutoCloseable {

    /**
     * DuckDB checkpoints by itself when a commit takes the WAL past 16 MiB, inside that commit: if the
     * checkpoint then fails (a full disk), the commit reports failure although its rows stay visible,
     * and later ones may vanish. The store checkpoints between batches instead, so this is never reached.
     */
    private static final String NO_CHECKPOINT_ON_COMMIT = "SET GLOBAL checkpoint_threshold = '1000TB'";

    /** How long a reopen waits for connections to the old instance to be closed. */
    static final Duration REOPEN_WAIT = Duration.ofSeconds(5);
    /** Between two reopens that a connection request starts. */
    static final Duration REOPEN_INTERVAL = Duration.ofSeconds(1);

    private final Path file;
    private final DuckDbResources resources;
    /** Connections handed out and not closed yet: they keep the instance alive, and it must die before a reopen. */
    private final AtomicInteger borrowed = new AtomicInteger();
    /** Notified whenever a borrowed connection is closed. */
    private final Object returned = new Object();
    private volatile Opened opened;
    private long nextReopen = System.nanoTime();

    /** The instance's first connection, and which file (device and inode) was at the path when it opened. */
    private record Opened(DuckDBConnection root, Object fileKey) {
    }

    private DuckDbDataSource(Path file, DuckDbResources resources) {
        this.file = file.toAbsolutePath();
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    static DuckDbDataSource open(Path file) {
        return open(file, DuckDbResources.defaults());
    }

    /** Opens the file with DuckDB's memory limit and threads set as given, before anything else runs in it. */
    static DuckDbDataSource open(Path file, DuckDbResources resources) {
        DuckDbDataSource dataSource = new DuckDbDataSource(file, resources);
        dataSource.connect();
        return dataSource;
    }

    /** DuckDB's memory limit and threads in effect, as DuckDB states them: for the start-up log. */
    String resourcesInEffect() {
        try (Connection connection = getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet settings = statement.executeQuery(
                     "SELECT current_setting('memory_limit'), current_setting('threads')")) {
            settings.next();
            return "memory limit " + settings.getString(1) + ", " + settings.getString(2) + " threads";
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the settings of " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    Path wal() {
        return file.resolveSibling(file.getFileName() + ".wal");
    }

    /**
     * Closes the instance and opens the file at the path again (replaying its WAL), and brings its schema
     * up to date. DuckDB keeps one instance per path while any connection to it is open, so this first
     * waits up to {@link #REOPEN_WAIT} for those to be closed. A file deleted under the running server is
     * not created again: only a start does that.
     */
    synchronized void reopen() {
        closeRoot();
        awaitReturned();
        if (!fileExists()) {
            throw new StoreUnavailableException("the database file " + file + " was deleted under the running server", null);
        }
        connect();
    }

    /** Opens the file at the path (creating it if absent) and brings its schema up to date. */
    private void connect() {
        DuckDBConnection root;
        try {
            Properties settings = new Properties();
            settings.setProperty("memory_limit", resources.memoryLimitSetting());
            settings.setProperty("threads", String.valueOf(resources.threads()));
            root = DriverManager.getConnection("jdbc:duckdb:" + file, settings).unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open " + file + ": " + e.getMessage(), e);
        }
        try (Statement statement = root.createStatement()) {
            statement.execute(NO_CHECKPOINT_ON_COMMIT);
            opened = new Opened(root, Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        } catch (SQLException | IOException e) {
            closeQuietly(root);
            throw new StoreUnavailableException("cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            Migrations.apply(this, "duckdb");
        } catch (RuntimeException e) {
            closeRoot();
            throw e;
        }
    }

    private void awaitReturned() {
        long deadline = System.nanoTime() + REOPEN_WAIT.toNanos();
        synchronized (returned) {
            for (long left = REOPEN_WAIT.toNanos(); borrowed.get() > 0 && left > 0; left = deadline - System.nanoTime()) {
                try {
                    returned.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int open = borrowed.get();
        if (open > 0) {
            throw new StoreUnavailableException("cannot open " + file + " again yet: " + open
                    + " connections to the previous instance are still open", null);
        }
    }

    /**
     * Closes the instance without writing what it holds in memory into the file: DuckDB's memory is not
     * to be trusted after a failed commit (its next commits and reads can crash the process), its WAL is.
     * The next {@link #reopen()} replays the WAL.
     */
    synchronized void abandon() {
        Opened current = opened;
        if (current != null) {
            try (Statement statement = current.root().createStatement()) {
                statement.execute("PRAGMA disable_checkpoint_on_shutdown");
            } catch (SQLException e) {
                // an invalidated instance does not checkpoint when it closes either
            }
        }
        closeRoot();
    }

    /** Whether an instance is open (not closed by {@link #abandon()} or a failed {@link #reopen()}). */
    boolean isOpen() {
        return opened != null;
    }

    /** Whether the file at the path is still the one the instance opened: false once it was deleted or replaced. */
    boolean fileInPlace() {
        Opened current = opened;
        return current != null && Objects.equals(current.fileKey(), fileKey());
    }

    /** Whether some file is at the path. */
    boolean fileExists() {
        return fileKey() != null;
    }

    private Object fileKey() {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** A new connection to the instance; if it was closed after a failure, opens it again first (at most once a second). */
    @Override
    public Connection getConnection() throws SQLException {
        Opened current = opened;
        if (current == null) {
            current = reopenIfIdle();
        }
        return counted(current.root().duplicate());
    }

    private synchronized Opened reopenIfIdle() throws SQLException {
        long now = System.nanoTime();
        if (opened == null && borrowed.get() == 0 && now - nextReopen >= 0) {
            nextReopen = now + REOPEN_INTERVAL.toNanos();
            try {
                reopen();
            } catch (StoreUnavailableException e) {
                throw new SQLException(e.getMessage(), e);
            }
        }
        Opened current = opened;
        if (current == null) {
            throw new SQLException("the database " + file + " is closed until it can be opened again");
        }
        return current;
    }

    /** The connection, counted in {@link #borrowed} until it is closed. */
    private Connection counted(DuckDBConnection connection) {
        borrowed.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(DuckDbDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (closed.compareAndSet(false, true)) {
                            try {
                                connection.close();
                            } finally {
                                borrowed.decrementAndGet();
                                synchronized (returned) {
                                    returned.notifyAll();
                                }
                            }
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private synchronized void closeRoot() {
        Opened current = opened;
        opened = null;
        if (current != null) {
            closeQuietly(current.root());
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the instance goes away with its last connection either way
        }
    }

    @Override
    public void close() {
        closeRoot();
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
