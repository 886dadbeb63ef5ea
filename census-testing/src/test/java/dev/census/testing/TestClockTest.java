package dev.census.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClockTest {

    @Test
    void standsStillUntilMovedThenAdvancesOrJumps() {
        TestClock clock = TestClock.at("2026-03-11T08:00:00Z");
        assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo(Instant.parse("2026-03-11T08:00:00Z"));

        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-11T09:30:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-03-11T09:30:00Z").toEpochMilli());

        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void isAlwaysUtcAndRefusesAnyOtherZone() {
        TestClock clock = new TestClock(Instant.EPOCH);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(clock.withZone(ZoneId.of("UTC"))).isSameAs(clock);
        assertThatThrownBy(() -> clock.withZone(ZoneId.of("Europe/Prague")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("always UTC");
    }
}
