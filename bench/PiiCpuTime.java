import dev.census.protocol.pii.PiiDetector;
import dev.census.protocol.pii.PiiDetectors;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU time {@code PiiDetectors.standard()} spends per value over the mix of
 * bench/jmh/…/PiiDetectorsBenchmark (the same 48 values), measured as this thread's CPU time so a
 * machine shared with other work does not inflate it the way wall-clock time is. Usage, with any
 * classpath holding census-protocol: java -cp bench/jmh/target/benchmarks.jar bench/PiiCpuTime.java
 */
public final class PiiCpuTime {

    static final List<String> MIX = List.of(
            "3.49.1", "3.22.0.dev", "2.0.0a6", "3.18.0", "1.12.3", "0.21.4", "2.19.1", "3.6.5.post2",
            "3.0.0rc9", "3.25.2", "4.9.0", "1.0.0b2", "3.50.0.dev", "2.2.0.post0", "0.10.0", "17.0.4.1+1",
            "postgresql", "filesystem", "s3", "azure", "x86_64", "aarch64", "el9", "ubuntu-22.04",
            "en_US.UTF-8", "Europe/Prague", "UTC", "linux/amd64", "openshift", "pulp_rpm", "15.4", "unknown",
            "4.18.0-477.10.1.el8_8.x86_64", "Red Hat Enterprise Linux 9.3 (Plow)",
            "Linux-5.14.0-362.8.1.el9_3.x86_64-x86_64-with-glibc2.34", "python3.11-pulpcore-3.49.1-1.el9.noarch",
            "pulp_container_registry_cache_enabled", "AbstractSingletonProxyFactoryBean",
            "2024-01-01T12:30:45Z", "1,234,567",
            "db01.example.com", "ops@acme.io", "10.0.0.1", "/home/bob/.config", "+1 415 555 0100",
            "4111 1111 1111 1111", "bob at example dot com", "password=hunter2");
    private static final int WARM_UP_PASSES = 30_000;
    private static final int ROUNDS = 15;
    private static final int PASSES_PER_ROUND = 3_000;

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PiiDetector detectors = PiiDetectors.standard();
        long findings = 0;
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            findings += scanAll(detectors);
        }
        double[] nanosPerValue = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < PASSES_PER_ROUND; i++) {
                findings += scanAll(detectors);
            }
            nanosPerValue[round] = (threads.getCurrentThreadCpuTime() - start) / (double) (PASSES_PER_ROUND * MIX.size());
        }
        Arrays.sort(nanosPerValue);
        System.out.printf("CPU time per value: median %.0f ns (min %.0f, max %.0f over %d rounds); %d findings per pass%n",
                nanosPerValue[ROUNDS / 2], nanosPerValue[0], nanosPerValue[ROUNDS - 1], ROUNDS,
                findings / (WARM_UP_PASSES + (long) ROUNDS * PASSES_PER_ROUND));
    }

    private static int scanAll(PiiDetector detectors) {
        int findings = 0;
        for (String value : MIX) {
            findings += detectors.scan(value).isPresent() ? 1 : 0;
        }
        return findings;
    }
}
