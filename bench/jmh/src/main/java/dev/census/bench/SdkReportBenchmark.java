package dev.census.bench;

import dev.census.sdk.Census;
import dev.census.sdk.Consent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What building a report costs the host application: {@code Census.preview()} runs every collector,
 * checks each value against the PII detectors and writes the canonical JSON — everything an upload
 * does except the network. The baseline in the same run is one {@code UUID.randomUUID()}, a call
 * any application makes without a thought.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class SdkReportBenchmark extends AverageTimeBenchmark {

    private Census census;
    private Path stateDir;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stateDir = Files.createTempDirectory("census-bench-");
        census = Census.builder()
                .product("demo")
                .endpoint(URI.create("http://127.0.0.1:9/"))
                .stateDir(stateDir)
                .consent(Consent.LOCAL)
                .component("core", "3.49.1")
                .component("rpm", "1.2.3")
                .metric("workers.processes", () -> 4)
                .metric("workers.hosts", () -> 1)
                .metric("database.engine", () -> "postgresql")
                .metric("tls.enabled", () -> true)
                .metric("memory.mib", () -> 1536)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        census.close();
    }

    @Benchmark
    public String previewReport() {
        return census.preview();
    }

    @Benchmark
    public UUID baselineRandomUuid() {
        return UUID.randomUUID();
    }
}
