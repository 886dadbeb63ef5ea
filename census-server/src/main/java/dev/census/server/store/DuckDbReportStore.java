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

    @Override
    void insertBatch(Connection connection, List<StoredReport> reports) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        long firstId = lastId.get() + 1;
        try (DuckDBAppender reportRows = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "reports");
             DuckDBAppender componentRows = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "report_components");
             DuckDBAppender metricRows = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "report_metrics")) {
            long id = firstId;
            for (StoredReport report : reports) {
                reportRows.beginRow().append(id).append(report.product()).append(report.systemId())
                        .append(report.day()).append(report.channel().wireName())
                        .append(LocalDateTime.ofInstant(report.receivedAt(), ZoneOffset.UTC)).endRow();
                for (Component component : report.components()) {
                    Version version = Version.parse(component.version());
                    componentRows.beginRow().append(id).append(component.name()).append(component.version())
                            .append(version.xy()).append(version.xyz()).endRow();
                }
                for (Map.Entry<String, MetricValue> metric : report.metrics().entrySet()) {
                    MetricColumns columns = MetricColumns.of(metric.getValue());
                    metricRows.beginRow().append(id).append(metric.getKey()).append(columns.num())
                            .append(columns.bucket()).append(columns.txt()).endRow();
                }
                id++;
            }
            reportRows.flush();
            componentRows.flush();
            metricRows.flush();
        }
        lastId.addAndGet(reports.size());
    }

    @Override
    String binaryOrder(String column) {
        return column;
    }

    @Override
    public void close() {
        duckDb.close();
    }
}
