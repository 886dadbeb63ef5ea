package dev.census.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The flood guard's table: buckets are forgotten by age, one at a time, never all at once. */
class FloodGuardTest {

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");

    @Test
    void aBucketIsForgottenAMinuteAfterItsLastRequest() {
        FloodGuard guard = new FloodGuard(3, clock);
        guard.secondsToWait("198.51.100.1");
        clock.advance(Duration.ofSeconds(30));
        guard.secondsToWait("198.51.100.2");
        assertThat(guard.clientsTracked()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(31));
        assertThat(guard.clientsTracked()).as("the first is idle for 61 s").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(guard.clientsTracked()).isZero();
    }

    @Test
    void aFlooderStaysThrottledWhileMoreAddressesThanTheTableHoldsComeAndGo() {
        FloodGuard guard = new FloodGuard(3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(guard.secondsToWait("198.51.100.1")).isZero();
        }
        for (int i = 0; i < 2 * FloodGuard.MAX_CLIENTS; i++) {
            guard.secondsToWait("10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff));
            if (i % 100 == 0) {
                assertThat(guard.secondsToWait("198.51.100.1")).as("after %d other addresses", i).isEqualTo(20);
            }
        }
        assertThat(guard.clientsTracked()).isLessThanOrEqualTo(FloodGuard.MAX_CLIENTS);
    }

    @Test
    void anIdleMinuteRefillsABucketSoForgettingItChangesNothing() {
        FloodGuard guard = new FloodGuard(3, clock);
        for (int i = 0; i < 3; i++) {
            guard.secondsToWait("198.51.100.1");
        }
        assertThat(guard.secondsToWait("198.51.100.1")).isPositive();
        clock.advance(FloodGuard.IDLE_EXPIRY);
        for (int i = 0; i < 3; i++) {
            assertThat(guard.secondsToWait("198.51.100.1")).isZero();
        }
        assertThat(guard.secondsToWait("198.51.100.1")).isEqualTo(20);
    }
}
