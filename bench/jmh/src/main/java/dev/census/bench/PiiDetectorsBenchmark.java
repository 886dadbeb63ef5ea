package dev.census.bench;

import dev.census.protocol.pii.PiiDetector;
import dev.census.protocol.pii.PiiDetectors;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@code PiiDetectors.standard()} costs per value over the mix the SDK, the lint and ingestion
 * actually scan: mostly component versions and enum or platform values, a few longer strings, and
 * a few values that are personal data. The baseline in the same run lower-cases the same values.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
public class PiiDetectorsBenchmark extends AverageTimeBenchmark {

    /** Fixed for every run, so figures before and after a detector change compare the same work. */
    public static final List<String> MIX = List.of(
            // component versions (pulpcore and plugins, the demo fleet, pre-releases)
            "3.49.1", "3.22.0.dev", "2.0.0a6", "3.18.0", "1.12.3", "0.21.4", "2.19.1", "3.6.5.post2",
            "3.0.0rc9", "3.25.2", "4.9.0", "1.0.0b2", "3.50.0.dev", "2.2.0.post0", "0.10.0", "17.0.4.1+1",
            // enum and platform values
            "postgresql", "filesystem", "s3", "azure", "x86_64", "aarch64", "el9", "ubuntu-22.04",
            "en_US.UTF-8", "Europe/Prague", "UTC", "linux/amd64", "openshift", "pulp_rpm", "15.4", "unknown",
            // longer values
            "4.18.0-477.10.1.el8_8.x86_64", "Red Hat Enterprise Linux 9.3 (Plow)",
            "Linux-5.14.0-362.8.1.el9_3.x86_64-x86_64-with-glibc2.34", "python3.11-pulpcore-3.49.1-1.el9.noarch",
            "pulp_container_registry_cache_enabled", "AbstractSingletonProxyFactoryBean",
            "2024-01-01T12:30:45Z", "1,234,567",
            // personal data, a few
            "db01.example.com", "ops@acme.io", "10.0.0.1", "/home/bob/.config", "+1 415 555 0100",
            "4111 1111 1111 1111", "bob at example dot com", "password=hunter2");

    private static final int VALUES = 48;

    private final String[] values = MIX.toArray(String[]::new);
    private final PiiDetector detectors = PiiDetectors.standard();

    @Setup
    public void check() {
        if (values.length != VALUES) {
            throw new IllegalStateException("the mix must hold " + VALUES + " values, not " + values.length);
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void scanPerValue(Blackhole sink) {
        for (String value : values) {
            sink.consume(detectors.scan(value));
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void baselineLowerCasePerValue(Blackhole sink) {
        for (String value : values) {
            sink.consume(value.toLowerCase(Locale.ROOT));
        }
    }
}
