package dev.census.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The writer connection and its three appenders, reused batch after batch (creating them costs more
 * than appending a thousand rows); each batch is one explicit transaction over all three tables.
 *
 * <p>An appender's flush outside a transaction commits by itself, and a failed flush keeps its rows to
 * flush again later, even from {@code close()} — so every flush here runs inside the batch's
 * transaction, and a writer that failed is {@link #discard() discarded} inside a transaction that is
 * rolled back, never reused.
 */
final class DuckDbAppenders implements AutoCloseable {

    private final Connection handle;
    private final Statement statement;
    private final DuckDBAppender reports;
    private final DuckDBAppender components;
    private final DuckDBAppender metrics;

    private DuckDbAppenders(Connection handle, Statement statement, DuckDBAppender reports, DuckDBAppender components,
            DuckDBAppender metrics) {
        this.handle = handle;
        this.statement = statement;
        this.reports = reports;
        this.components = components;
        this.metrics = metrics;
    }

    static DuckDbAppenders open(DataSource dataSource) throws SQLException {
        Connection handle = dataSource.getConnection();
        try {
            DuckDBConnection connection = handle.unwrap(DuckDBConnection.class);
            return new DuckDbAppenders(handle, connection.createStatement(),
                    connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "reports"),
                    connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "report_components"),
                    connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "report_metrics"));
        } catch (SQLException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /** Appends the rows, and queues the relay's rows, in one transaction: when this returns they are committed. */
    void append(List<ReportRow> batch, List<RelayRow> relayed) throws SQLException {
        statement.execute("BEGIN TRANSACTION");
        for (ReportRow row : batch) {
            add(row);
        }
        reports.flush();
        components.flush();
        metrics.flush();
        RelayRow.insert(handle, relayed, false);
        statement.execute("COMMIT");
    }

    private void add(ReportRow row) throws SQLException {
        reports.beginRow().append(row.id()).append(row.product()).append(row.systemId())
                .append(row.day()).append(row.channel()).append(row.receivedAt()).endRow();
        for (ReportRow.ComponentColumns component : row.components()) {
            components.beginRow().append(row.id()).append(component.name()).append(component.version())
                    .append(component.xy()).append(component.xyz()).endRow();
        }
        for (ReportRow.MetricColumns metric : row.metrics()) {
            metrics.beginRow().append(row.id()).append(metric.name()).append(metric.num())
                    .append(metric.bucket()).append(metric.txt()).endRow();
        }
    }

    /** Writes what the WAL holds into the database file. */
    void checkpoint() throws SQLException {
        statement.execute("CHECKPOINT");
    }

    /**
     * Closes a writer whose batch failed without letting anything it still holds commit: in a transaction
     * (a new one, or the failed batch's), the appenders are closed — whatever they flush lands in that
     * transaction, or fails with it — and then it is rolled back. Errors are expected and ignored.
     */
    void discard() {
        quietly(() -> statement.execute("BEGIN TRANSACTION"));
        quietly(metrics::close);
        quietly(components::close);
        quietly(reports::close);
        quietly(() -> statement.execute("ROLLBACK"));
        quietly(statement::close);
        quietly(handle::close);
    }

    /** Closes a writer whose last batch committed: its appenders hold nothing. */
    @Override
    public void close() throws SQLException {
        try {
            metrics.close();
            components.close();
            reports.close();
            statement.close();
        } finally {
            handle.close();
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (SQLException | RuntimeException e) {
            // discarding: the writer is unusable either way
        }
    }
}
