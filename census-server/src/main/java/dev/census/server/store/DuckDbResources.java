package dev.census.server.store;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of the machine the embedded DuckDB may take: its memory limit (beyond which its sorts and
 * aggregations spill to disk) and its worker threads.
 *
 * @param memoryLimit a size as DuckDB reads it ({@code 2GB}, {@code 512MiB}) or a share of the machine's
 *     memory as the JVM sees it, container limits included ({@code 50%})
 * @param threads DuckDB's worker threads, at least 1
 */
public record DuckDbResources(String memoryLimit, int threads) {

    /**
     * Half the machine: DuckDB's own default, 80%, plus the JVM's default heap, 25%, would promise the
     * operating system more than it has; 50% leaves a quarter beside the heap for the JVM's other memory,
     * DuckDB's allocations outside its buffer pool and the page cache.
     */
    public static final String DEFAULT_MEMORY_LIMIT = "50%";

    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)");
    private static final Pattern SHARE = Pattern.compile("(\\d{1,3})%");

    public DuckDbResources {
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        memoryLimit = memoryLimit.strip();
        String upper = memoryLimit.toUpperCase(Locale.ROOT);
        Matcher share = SHARE.matcher(upper);
        boolean validShare = share.matches() && Integer.parseInt(share.group(1)) >= 1 && Integer.parseInt(share.group(1)) <= 100;
        if (!validShare && !SIZE.matcher(upper).matches()) {
            throw new IllegalArgumentException("memoryLimit must be a size such as 2GB or 512MiB, or a share of the machine's "
                    + "memory from 1% to 100%: " + memoryLimit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** Half the machine's memory ({@link #DEFAULT_MEMORY_LIMIT}) and a thread per processor the JVM may use (container quotas included, which DuckDB's own default ignores). */
    public static DuckDbResources defaults() {
        return new DuckDbResources(DEFAULT_MEMORY_LIMIT, Runtime.getRuntime().availableProcessors());
    }

    /** The memory limit as DuckDB's {@code memory_limit} setting takes it: a share resolved into a size now. */
    String memoryLimitSetting() {
        Matcher share = SHARE.matcher(memoryLimit);
        if (!share.matches()) {
            return memoryLimit;
        }
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return (total / 100 * Integer.parseInt(share.group(1)) >> 20) + "MiB";
    }
}
