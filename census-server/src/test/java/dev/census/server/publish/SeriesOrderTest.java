package dev.census.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.vocabulary.RowKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A series lists statistics and fleet buckets in their natural order, other buckets numerically, "other" last. */
class SeriesOrderTest {

    @Test
    void statisticsComeInTheirNaturalOrder() {
        assertThat(ordered(RowKind.STAT, "p90", "max", "mean", "p50", "min")).containsExactly("mean", "min", "p50", "p90", "max");
    }

    @Test
    void fleetBucketsComeInTheirNaturalOrder() {
        assertThat(ordered(RowKind.BUCKET, "new", "active_28d", "active_1d", "active_7d"))
                .containsExactly("active_1d", "active_7d", "active_28d", "new");
    }

    @Test
    void histogramBucketsAndVersionsSortNumericallyWithOtherLast() {
        assertThat(ordered(RowKind.BUCKET, "other", "16-31", "0", "2-3", "<0", "1")).containsExactly("<0", "0", "1", "2-3", "16-31", "other");
        assertThat(ordered(RowKind.BUCKET, "other", "3.10", "3.9")).containsExactly("3.9", "3.10", "other");
    }

    private static List<String> ordered(RowKind kind, String... keys) {
        Map<String, RowKind> kinds = new HashMap<>();
        for (String key : keys) {
            kinds.put(key, kind);
        }
        return SeriesReader.ordered(Set.of(keys), kinds);
    }
}
