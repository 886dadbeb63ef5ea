package dev.census.bench;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.server.store.DuckDbReportStore;
import dev.census.server.store.StoredReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one durable group commit costs the DuckDB store, by batch size: the writer thread's whole
 * job per batch (the appender filled, flushed and committed). A batch of one is the reference
 * measured in the same run; the ratio shows how much group commit buys per report.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class StoreAppendBenchmark extends AverageTimeBenchmark {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final Instant RECEIVED = Instant.parse("2026-11-01T12:00:00Z");

    @Param({"1", "16", "64", "256", "1024"})
    int batch;

    private Path dataDir;
    private DuckDbReportStore store;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dataDir = Files.createTempDirectory("census-bench-store");
        store = DuckDbReportStore.open(dataDir);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** One commit of {@code batch} fresh reports, as the benchmark's post-report.lua sends them. */
    @Benchmark
    public void commitBatch() {
        List<StoredReport> reports = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            reports.add(new StoredReport("demo", UUID.randomUUID(), DAY, Channel.PRODUCTION, RECEIVED,
                    List.of(new Component("core", "3.49.1"), new Component("rpm", "1.2.3")),
                    Map.of("workers.processes", new MetricValue.NumberValue(4),
                            "workers.hosts", new MetricValue.NumberValue(1),
                            "database.engine", new MetricValue.TextValue("postgresql"),
                            "tls.enabled", new MetricValue.BooleanValue(true),
                            "memory.mib", new MetricValue.NumberValue(1536))));
        }
        store.append(reports);
    }
}
