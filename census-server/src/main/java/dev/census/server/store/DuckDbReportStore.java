package dev.census.server.store;

import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The embedded default: one DuckDB file, written append-only through DuckDB's Appender (upserts are
 * two orders of magnitude slower) and deduplicated when read. One process owns the file.
 */
public final class DuckDbReportStore extends JdbcReportStore {

    /** The database file inside the data directory. */
    public static final String FILE_NAME = "census.duckdb";

    private final DuckDbDataSource duckDb;
    private final AtomicLong lastId;
    private Appenders writer;

    private DuckDbReportStore(DuckDbDataSource dataSource) {
        super(dataSource);
        this.duckDb = dataSource;
        this.lastId = new AtomicLong(maxId());
    }

    /** Opens (creating if absent) the store in a data directory and brings its schema up to date. */
    public static DuckDbReportStore open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            DuckDbDataSource dataSource = DuckDbDataSource.open(dataDir.resolve(FILE_NAME));
            try {
                Migrations.apply(dataSource, "duckdb");
                return new DuckDbReportStore(dataSource);
            } catch (RuntimeException e) {
                dataSource.close();
                throw e;
            }
        } catch (java.io.IOException e) {
            throw new StoreUnavailableException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private long maxId() {
        return inTransaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT coalesce(max(id), 0) FROM reports")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * Appends on one long-lived writer connection whose three appenders are reused batch after batch
     * (creating them costs more than appending a thousand rows); one commit covers all three tables.
     */
    @Override
    public synchronized void append(List<StoredReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        try {
            Appenders appenders = appenders();
            long id = lastId.get();
            try {
                for (StoredReport report : reports) {
                    appenders.add(++id, report);
                }
                appenders.flush();
                appenders.connection().commit();
            } catch (SQLException | RuntimeException e) {
                closeWriter();
                throw e;
            }
            lastId.set(id);
        } catch (SQLException e) {
            throw new StoreUnavailableException("database error: " + e.getMessage(), e);
        }
    }

    @Override
    void insertBatch(Connection connection, List<StoredReport> reports) {
        throw new IllegalStateException("DuckDB appends through its writer connection");
    }

    private Appenders appenders() throws SQLException {
        if (writer == null) {
            DuckDBConnection connection = (DuckDBConnection) duckDb.getConnection();
            connection.setAutoCommit(false);
            writer = new Appenders(connection,
                    connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "reports"),
                    connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "report_components"),
                    connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "report_metrics"));
        }
        return writer;
    }

    /**
     * Drops the writer connection, rolling back what it had not committed; its appenders are abandoned
     * unclosed, since closing one would flush its rows. The next append opens a new connection.
     */
    private void closeWriter() {
        if (writer != null) {
            try {
                writer.connection().rollback();
                writer.connection().close();
            } catch (SQLException e) {
                // the connection is unusable either way; a fresh one is opened on the next append
            }
            writer = null;
        }
    }

    /** The writer connection and its appenders for the three report tables. */
    private record Appenders(DuckDBConnection connection, DuckDBAppender reports, DuckDBAppender components,
            DuckDBAppender metrics) {

        void add(long id, StoredReport report) throws SQLException {
            reports.beginRow().append(id).append(report.product()).append(report.systemId())
                    .append(report.day()).append(report.channel().wireName())
                    .append(LocalDateTime.ofInstant(report.receivedAt(), ZoneOffset.UTC)).endRow();
            for (Component component : report.components()) {
                Version version = Version.parse(component.version());
                components.beginRow().append(id).append(component.name()).append(component.version())
                        .append(version.xy()).append(version.xyz()).endRow();
            }
            for (Map.Entry<String, MetricValue> metric : report.metrics().entrySet()) {
                MetricColumns columns = MetricColumns.of(metric.getValue());
                metrics.beginRow().append(id).append(metric.getKey()).append(columns.num())
                        .append(columns.bucket()).append(columns.txt()).endRow();
            }
        }

        void flush() throws SQLException {
            reports.flush();
            components.flush();
            metrics.flush();
        }
    }

    @Override
    String binaryOrder(String column) {
        return column;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.reports().close();
                writer.components().close();
                writer.metrics().close();
                writer.connection().close();
            } catch (SQLException e) {
                // closing anyway: everything acknowledged was committed
            }
            writer = null;
        }
        duckDb.close();
    }
}
