package dev.census.server.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.census.testing.TestClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Answers are kept per request, stamp and day, within a byte budget, with a strong entity tag. */
class SummaryCacheTest {

    private static final SummaryCache.Request PAGE = new SummaryCache.Request("/p/demo", "from=2026-01-01", "html");

    private final TestClock clock = TestClock.at("2026-03-10T12:00:00Z");
    private final AtomicInteger renders = new AtomicInteger();

    @Test
    void anAnswerIsRenderedOnceWhileItsStampHolds() {
        SummaryCache cache = new SummaryCache(clock, SummaryCache.DEFAULT_BYTES);

        SummaryCache.Cached first = cache.get(PAGE, "s1", render("page"));
        SummaryCache.Cached second = cache.get(PAGE, "s1", render("page"));

        assertThat(renders).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(first.etag()).isEqualTo("\"" + crc32c("page") + "-4\"");
    }

    @Test
    void aNewStampANewDayOrAnotherFormatIsRenderedAnew() {
        SummaryCache cache = new SummaryCache(clock, SummaryCache.DEFAULT_BYTES);
        cache.get(PAGE, "s1", render("page"));

        cache.get(PAGE, "s2", render("page"));
        cache.get(new SummaryCache.Request(PAGE.path(), PAGE.query(), "csv"), "s2", render("csv"));
        clock.advance(Duration.ofDays(1));
        cache.get(PAGE, "s2", render("page"));

        assertThat(renders).hasValue(4);
    }

    @Test
    void anAnswerWithoutAStampIsNeverKept() {
        SummaryCache cache = new SummaryCache(clock, SummaryCache.DEFAULT_BYTES);

        cache.get(PAGE, null, render("page"));
        cache.get(PAGE, null, render("page"));

        assertThat(renders).hasValue(2);
    }

    @Test
    void answersBeyondTheByteBudgetAreNotAllKept() {
        SummaryCache cache = new SummaryCache(clock, 100);
        for (int i = 0; i < 3; i++) {
            cache.get(new SummaryCache.Request("/p/" + i, null, "html"), "s", render("x".repeat(60)));
        }
        cache.get(new SummaryCache.Request("/big", null, "html"), "s", render("x".repeat(101)));

        for (int i = 0; i < 3; i++) {
            cache.get(new SummaryCache.Request("/p/" + i, null, "html"), "s", render("x".repeat(60)));
        }
        cache.get(new SummaryCache.Request("/big", null, "html"), "s", render("x".repeat(101)));

        assertThat(renders.get()).as("at most one 60-byte answer fits in 100 bytes, the 101-byte one never")
                .isGreaterThanOrEqualTo(4 + 3);
    }

    @Test
    void aClientHoldingTheEntityTagHoldsTheAnswer() {
        SummaryCache.Cached cached = new SummaryCache(clock, SummaryCache.DEFAULT_BYTES).get(PAGE, "s", render("page"));
        String etag = cached.etag();

        assertThat(cached.heldBy(etag)).isTrue();
        assertThat(cached.heldBy("\"other\", W/" + etag)).isTrue();
        assertThat(cached.heldBy("*")).isTrue();
        assertThat(cached.heldBy("\"other\"")).isFalse();
        assertThat(cached.heldBy(null)).isFalse();
    }

    @Test
    void aNegativeBudgetIsRefusedByName() {
        assertThatThrownBy(() -> new SummaryCache(clock, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("capacityBytes must not be negative");
    }

    private Supplier<SummaryCache.Answer> render(String body) {
        return () -> {
            renders.incrementAndGet();
            return SummaryCache.Answer.text("text/html", body);
        };
    }

    private static String crc32c(String text) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
