import dev.census.registry.RegistryLoader;
import dev.census.server.store.DatabaseUrl;
import dev.census.server.store.DuckDbReportStore;
import dev.census.server.store.DuckDbResources;
import dev.census.server.store.PostgresReportStore;
import dev.census.server.store.ReportStore;
import dev.census.server.summary.Summarizer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * Summary benchmark (run by bench/summary.sh with census.jar on the class path): loads N systems'
 * reports for one day straight into the engine with SQL (1 in 10 systems reports twice; two
 * components and five metrics per report), then times the day's summary through the real Summarizer.
 * With HISTORY > 0, copies of that day are kept for as many earlier days (as retention keeps them),
 * so the day's rows are a fraction of the tables, as in production.
 * Usage: java -cp census.jar bench/SummaryBench.java (duckdb DATA_DIR | postgresql URL) N [HISTORY]
 */
public class SummaryBench {

    static final LocalDate DAY = LocalDate.parse("2026-03-10");

    public static void main(String[] args) throws Exception {
        String engine = args[0];
        long systems = Long.parseLong(args[2]);
        int history = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Supplier<ReportStore> open = engine.equals("duckdb")
                ? () -> DuckDbReportStore.open(Path.of(args[1]), duckDbResources())
                : () -> PostgresReportStore.open(DatabaseUrl.parse(args[1]));
        open.get().close(); // creates the schema
        long start = System.nanoTime();
        try (Connection connection = engine.equals("duckdb")
                ? DriverManager.getConnection("jdbc:duckdb:" + Path.of(args[1]).resolve(DuckDbReportStore.FILE_NAME).toAbsolutePath())
                : connect(DatabaseUrl.parse(args[1]));
             Statement sql = connection.createStatement()) {
            for (String statement : engine.equals("duckdb") ? loadDuckDb(systems, history) : loadPostgres(systems, history)) {
                sql.execute(statement);
            }
            long bytes = engine.equals("duckdb")
                    ? java.nio.file.Files.size(Path.of(args[1]).resolve(DuckDbReportStore.FILE_NAME))
                    : scalar(sql, "SELECT pg_total_relation_size('reports')");
            long reports = scalar(sql, "SELECT count(*) FROM reports");
            System.out.printf("%s: disk per report %d B (%s, %,d reports)%n", engine, bytes / reports,
                    engine.equals("duckdb") ? "the checkpointed file" : "reports with its indexes and TOAST", reports);
        }
        System.out.printf("%s: loaded %,d systems for %s and %d earlier days in %.1f s%n", engine, systems, DAY, history,
                (System.nanoTime() - start) / 1e9);
        long loadingPeak = PeakRss.readAndReset();
        Clock clock = Clock.fixed(Instant.parse("2026-03-11T06:00:00Z"), ZoneOffset.UTC);
        try (ReportStore store = open.get()) {
            System.out.printf("%s: %,d report rows%n", engine, store.countReports("demo"));
            Summarizer summarizer = new Summarizer(store, RegistryLoader.bundled(), clock, 5);
            for (String run : List.of("first summary (folds the systems into first/last seen)", "recompute")) {
                long begin = System.nanoTime();
                var written = summarizer.summarize(DAY, DAY, true);
                System.out.printf("%s: %s of %s: %.2f s %s%n", engine, run, DAY, (System.nanoTime() - begin) / 1e9, written.summarized().get("demo"));
            }
        }
        System.out.printf("%s: peak RSS of this JVM (VmHWM) %s MiB while summarizing, %s MiB while loading; heap limit %d MiB%s%n",
                engine, PeakRss.readAndReset(), loadingPeak, Runtime.getRuntime().maxMemory() >> 20,
                engine.equals("duckdb") ? ", DuckDB in this process" : ", PostgreSQL's own processes not counted");
    }

    /** The process's peak resident memory (VmHWM), in MiB, which then starts again from what is resident now. */
    static final class PeakRss {
        static long readAndReset() throws java.io.IOException {
            long kib = java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:")).mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1);
            java.nio.file.Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets VmHWM (Linux 4.0+)
            return kib < 0 ? -1 : kib >> 10;
        }
    }

    /** DuckDB's memory limit and threads from the server's environment variables, else the server's defaults. */
    static DuckDbResources duckDbResources() {
        String memory = System.getenv().getOrDefault("CENSUS_DUCKDB_MEMORY_LIMIT", DuckDbResources.DEFAULT_MEMORY_LIMIT);
        String threads = System.getenv("CENSUS_DUCKDB_THREADS");
        return new DuckDbResources(memory, threads == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads));
    }

    static long scalar(Statement sql, String query) throws java.sql.SQLException {
        try (var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static Connection connect(DatabaseUrl url) throws Exception {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    /**
     * The same fleet in DuckDB's layout (one row per report, components and metrics in list columns):
     * the day's report rows first, then each with its lists computed from its id as above.
     */
    static List<String> loadDuckDb(long systems, int history) {
        String number = "{'name': '%1$s', 'num': CAST(%2$s AS DOUBLE),"
                + " 'bucket': CASE WHEN %2$s < 1 THEN -1 ELSE CAST(floor(ln(%2$s) / ln(2)) AS SMALLINT) END, 'txt': CAST(NULL AS VARCHAR)}";
        String text = "{'name': '%s', 'num': CAST(NULL AS DOUBLE), 'bucket': CAST(NULL AS SMALLINT), 'txt': %s}";
        String core = "'3.4' || CAST(id % 4 AS VARCHAR)";
        return List.of(
                "CREATE TEMPORARY TABLE bench_reports AS SELECT i AS id, gen_random_uuid() AS system_id,"
                        + " CASE WHEN i % 4 = 0 THEN 'dev' ELSE 'production' END AS channel, TIMESTAMP '" + DAY + " 12:00:00' AS received_at"
                        + " FROM generate_series(1, " + systems + ") AS g(i)",
                "INSERT INTO bench_reports SELECT id + " + systems + ", system_id, channel, received_at + INTERVAL '1 hour'"
                        + " FROM bench_reports WHERE id % 10 = 0",
                "INSERT INTO reports (id, product, system_id, day, channel, received_at, components, metrics)"
                        + " SELECT id, 'demo', system_id, DATE '" + DAY + "', channel, received_at,"
                        + " [{'name': 'core', 'version': " + core + " || '.' || CAST(id % 3 AS VARCHAR), 'xy': " + core + ","
                        + " 'xyz': " + core + " || '.' || CAST(id % 3 AS VARCHAR)}, {'name': 'rpm', 'version': '1.2.3', 'xy': '1.2', 'xyz': '1.2.3'}],"
                        + " [" + String.join(", ",
                                number.formatted("users.count", "(id * 7919 % 500)"),
                                number.formatted("memory.mib", "(256 + id * 31 % 4096)"),
                                number.formatted("workers.processes", "(1 + id % 16)"),
                                text.formatted("database.engine", "CASE id % 3 WHEN 0 THEN 'postgresql' WHEN 1 THEN 'mariadb' ELSE 'sqlite' END"),
                                text.formatted("tls.enabled", "CASE WHEN id % 2 = 0 THEN 'true' ELSE 'false' END")) + "]"
                        + " FROM bench_reports ORDER BY id",
                "DROP TABLE bench_reports",
                // earlier days: copies with ids above the day's (ids only need to grow within a day)
                history < 1 ? "SELECT 1" : "INSERT INTO reports SELECT id + k * " + 2 * systems + ", product, system_id, day - CAST(k AS INTEGER), channel,"
                        + " received_at - k * INTERVAL '1 day', components, metrics FROM reports, generate_series(1, " + history + ") AS g(k)",
                "CHECKPOINT");
    }

    /** The same reports in PostgreSQL's one-row-per-report layout: components and metrics in parallel arrays. */
    static List<String> loadPostgres(long systems, int history) {
        String columns = "component_names, component_versions, component_xys, component_xyzs,"
                + " metric_names, metric_nums, metric_buckets, metric_txts";
        return List.of(
                "INSERT INTO reports (id, product, system_id, day, channel, received_at, " + columns + ")"
                        + " SELECT i, 'demo', gen_random_uuid(), DATE '" + DAY + "', CASE WHEN i % 4 = 0 THEN 'dev' ELSE 'production' END,"
                        + " TIMESTAMP '" + DAY + " 12:00:00', " + arrays("i") + " FROM generate_series(CAST(1 AS BIGINT), " + systems + ") AS g(i)",
                "INSERT INTO reports SELECT id + " + systems + ", product, system_id, day, channel, received_at + INTERVAL '1 hour', "
                        + arrays("(id + " + systems + ")") + " FROM reports WHERE id % 10 = 0",
                // earlier days: copies with ids above the day's (ids only need to grow within a day)
                history < 1 ? "SELECT 1" : "CREATE TABLE bench_offsets AS SELECT CAST(k AS INTEGER) AS k, k * " + 2 * systems + " AS shift"
                        + " FROM generate_series(1, " + history + ") AS g(k)",
                history < 1 ? "SELECT 1" : "INSERT INTO reports SELECT id + shift, product, system_id, day - k, channel,"
                        + " received_at - k * INTERVAL '1 day', " + columns + " FROM reports, bench_offsets",
                history < 1 ? "SELECT 1" : "DROP TABLE bench_offsets",
                "SELECT setval('report_ids', (SELECT max(id) FROM reports))",
                "VACUUM ANALYZE");
    }

    /** The array columns of report {@code id}: the same values as {@link #loadDuckDb}'s lists, components sorted by name. */
    static String arrays(String id) {
        String bucket = "CASE WHEN %1$s < 1 THEN -1 ELSE CAST(floor(ln(%1$s) / ln(2)) AS SMALLINT) END";
        String core = "'3.4' || CAST(ID % 4 AS VARCHAR) || '.' || CAST(ID % 3 AS VARCHAR)";
        return ("ARRAY['core', 'rpm'], ARRAY[" + core + ", '1.2.3'], ARRAY['3.4' || CAST(ID % 4 AS VARCHAR), '1.2'], ARRAY[" + core + ", '1.2.3'],"
                + " ARRAY['database.engine', 'memory.mib', 'tls.enabled', 'users.count', 'workers.processes'],"
                + " CAST(ARRAY[NULL, 256 + ID * 31 % 4096, NULL, ID * 7919 % 500, 1 + ID % 16] AS DOUBLE PRECISION[]),"
                + " CAST(ARRAY[NULL, " + bucket.formatted("(256 + ID * 31 % 4096)") + ", NULL, " + bucket.formatted("(ID * 7919 % 500)")
                + ", " + bucket.formatted("(1 + ID % 16)") + "] AS SMALLINT[]),"
                + " ARRAY[CASE ID % 3 WHEN 0 THEN 'postgresql' WHEN 1 THEN 'mariadb' ELSE 'sqlite' END, NULL,"
                + " CASE WHEN ID % 2 = 0 THEN 'true' ELSE 'false' END, NULL, NULL]").replace("ID", id);
    }
}
