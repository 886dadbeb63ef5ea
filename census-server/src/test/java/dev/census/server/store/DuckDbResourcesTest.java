package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's memory limit and threads: set when the database opens, and again when it is opened afresh. */
class DuckDbResourcesTest {

    @TempDir
    Path dataDir;

    @Test
    void theMemoryLimitAndThreadsAreInEffectFromTheOpenAndAfterAReopen() {
        try (DuckDbDataSource duckDb = DuckDbDataSource.open(dataDir.resolve("census.duckdb"), new DuckDbResources("256MiB", 3))) {
            assertThat(duckDb.resourcesInEffect()).isEqualTo("memory limit 256.0 MiB, 3 threads");

            duckDb.reopen();

            assertThat(duckDb.resourcesInEffect()).isEqualTo("memory limit 256.0 MiB, 3 threads");
        }
    }

    @Test
    void byDefaultDuckDbTakesHalfTheMachinesMemoryAndAThreadPerProcessor() {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        String half = new DuckDbResources((total / 2 >> 20) + "MiB", 1).memoryLimitSetting();
        try (DuckDbDataSource expected = DuckDbDataSource.open(dataDir.resolve("expected.duckdb"), new DuckDbResources(half, 1));
             DuckDbDataSource duckDb = DuckDbDataSource.open(dataDir.resolve("census.duckdb"))) {
            String halfInEffect = expected.resourcesInEffect().replace(", 1 threads", "");

            assertThat(duckDb.resourcesInEffect())
                    .isEqualTo(halfInEffect + ", " + Runtime.getRuntime().availableProcessors() + " threads");
        }
    }

    @Test
    void sizesAndSharesAreCheckedWhenTheSettingsAreMade() {
        assertThat(new DuckDbResources(" 1.5GB ", 1).memoryLimit()).isEqualTo("1.5GB");
        assertThat(new DuckDbResources("512mib", 1).memoryLimitSetting()).isEqualTo("512mib");
        assertThat(new DuckDbResources("100%", 1).memoryLimitSetting()).endsWith("MiB");
        for (String bad : new String[] {"lots", "0%", "101%", "2 elephants", "", "-1GB"}) {
            assertThatThrownBy(() -> new DuckDbResources(bad, 1)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("memoryLimit must be a size such as 2GB or 512MiB, or a share of the machine's memory");
        }
        assertThatThrownBy(() -> new DuckDbResources("1GB", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1: 0");
        assertThatThrownBy(() -> new DuckDbResources(null, 1)).hasMessage("memoryLimit");
    }
}
