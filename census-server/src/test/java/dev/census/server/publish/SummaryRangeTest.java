package dev.census.server.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.census.testing.TestClock;
import java.time.LocalDate;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** A range is read from plain parameters, with defaults, and refused naming the parameter at fault; no HTTP involved. */
class SummaryRangeTest {

    private final TestClock clock = TestClock.at("2026-03-10T12:00:00Z");

    @Test
    void noParametersMeanTheNinetyDaysToYesterdayInProduction() {
        assertThat(SummaryRange.standard(clock))
                .isEqualTo(new SummaryRange(LocalDate.parse("2025-12-10"), LocalDate.parse("2026-03-09"), "production"));
        assertThat(SummaryRange.parse("", " ", null, clock)).isEqualTo(SummaryRange.standard(clock));
    }

    @Test
    void daysOutsideTheWindowAreRefusedNamingTheParameter() {
        assertRefused("1999-12-31", null, null, "from", "from must be a day from 2000-01-01 to 2027-03-10");
        assertRefused(null, "2027-03-11", null, "to", "to must be a day from 2000-01-01 to 2027-03-10");
        assertRefused("yesterday", null, null, "from", "from must be a day such as 2026-01-31");
        assertThat(SummaryRange.parse("2000-01-01", "2000-01-02", "dev", clock).days())
                .containsExactly(LocalDate.parse("2000-01-01"), LocalDate.parse("2000-01-02"));
    }

    @Test
    void anInvertedOrTooWideRangeOrAnUnknownChannelIsRefused() {
        assertRefused("2026-03-02", "2026-03-01", null, "from", "from must not be after to");
        assertRefused("2000-01-01", "2026-03-01", null, "from", "a range may span at most 3660 days");
        assertRefused(null, null, "staging", "channel", "channel must be production or dev");
    }

    private void assertRefused(String from, String to, String channel, String field, String detail) {
        assertThatThrownBy(() -> SummaryRange.parse(from, to, channel, clock))
                .isInstanceOf(InvalidRangeException.class).hasMessage(detail)
                .asInstanceOf(InstanceOfAssertFactories.type(InvalidRangeException.class))
                .extracting(InvalidRangeException::field).isEqualTo(field);
    }
}
