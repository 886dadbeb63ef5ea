import dev.census.bench.PiiDetectorsBenchmark;
import dev.census.protocol.pii.PiiDetector;
import dev.census.protocol.pii.PiiDetectors;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The CPU time {@code PiiDetectors.standard()} spends per value over the mix of
 * {@link PiiDetectorsBenchmark#MIX} (the same 48 values), measured as this thread's CPU time so a
 * machine shared with other work does not inflate it the way wall-clock time is. Usage, with any
 * classpath holding census-protocol: java -cp bench/jmh/target/benchmarks.jar bench/PiiCpuTime.java
 */
public final class PiiCpuTime {

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
            nanosPerValue[round] = (threads.getCurrentThreadCpuTime() - start) / (double) (PASSES_PER_ROUND * PiiDetectorsBenchmark.MIX.size());
        }
        Arrays.sort(nanosPerValue);
        System.out.printf("CPU time per value: median %.0f ns (min %.0f, max %.0f over %d rounds); %d findings per pass%n",
                nanosPerValue[ROUNDS / 2], nanosPerValue[0], nanosPerValue[ROUNDS - 1], ROUNDS,
                findings / (WARM_UP_PASSES + (long) ROUNDS * PASSES_PER_ROUND));
    }

    private static int scanAll(PiiDetector detectors) {
        int findings = 0;
        for (String value : PiiDetectorsBenchmark.MIX) {
            findings += detectors.scan(value).isPresent() ? 1 : 0;
        }
        return findings;
    }
}
