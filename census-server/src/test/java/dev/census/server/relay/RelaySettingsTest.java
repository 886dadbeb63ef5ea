package dev.census.server.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.census.protocol.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The relay's settings: schedules, back-off, pseudonyms, and the builders' refusals naming the argument. */
class RelaySettingsTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void dailyRunsOnceADayAtARandomTimeOfTheNextDayOnceTodaysHasPassed() {
        RelaySchedule daily = RelaySchedule.parse("daily", new Random(7));
        Instant next = daily.nextRun(NOON);
        Instant after = daily.nextRun(next);

        assertThat(next).isAfter(NOON).isBefore(Instant.parse("2026-03-12T00:00:00Z"));
        assertThat(LocalDate.ofInstant(after, ZoneOffset.UTC)).isAfter(LocalDate.ofInstant(next, ZoneOffset.UTC));
        assertThat(daily).hasToString("daily, at a random time");
    }

    @Test
    void dailyTimesDifferFromDayToDay() {
        RelaySchedule daily = RelaySchedule.parse("daily", new Random(11));
        Instant day1 = daily.nextRun(Instant.parse("2026-03-10T00:00:00Z"));
        Instant day2 = daily.nextRun(day1.plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.DAYS));

        assertThat(Duration.between(day1, day2)).isNotEqualTo(Duration.ofDays(1));
    }

    @Test
    void continuousRunsAgainAfterItsDelay() {
        assertThat(RelaySchedule.parse("continuous", new Random()).nextRun(NOON)).isEqualTo(NOON.plusSeconds(60));
        assertThat(RelaySchedule.parse("continuous:5m", new Random()).nextRun(NOON)).isEqualTo(NOON.plusSeconds(300));
        assertThat(RelaySchedule.parse("continuous:30s", new Random())).hasToString("continuous, every 30s");
    }

    @Test
    void anUnknownScheduleIsRefusedNamingTheArgument() {
        for (String bad : List.of("hourly", "continuous:0m", "continuous:5d", "continuous:", "")) {
            assertThatThrownBy(() -> RelaySchedule.parse(bad, new Random()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("relaySchedule must be daily, continuous");
        }
    }

    @Test
    void backOffDoublesFromAMinuteUpToSixHours() {
        assertThat(Relay.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Relay.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Relay.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(Relay.backoff(10)).isEqualTo(Duration.ofHours(6));
        assertThat(Relay.backoff(1_000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void pseudonymsAreStableRandomLookingUuidsThatDependOnTheSecret() {
        UUID system = UUID.randomUUID();
        byte[] secret = new byte[32];
        byte[] other = new byte[32];
        other[0] = 1;

        UUID pseudonym = new Pseudonyms(secret).of(system);

        assertThat(new Pseudonyms(secret.clone()).of(system)).isEqualTo(pseudonym);
        assertThat(pseudonym).isNotEqualTo(system).isNotEqualTo(new Pseudonyms(other).of(system));
        assertThat(pseudonym.version()).isEqualTo(4);
        assertThat(pseudonym.variant()).isEqualTo(2);
    }

    @Test
    void thePolicyForwardsProductionOnlyByDefaultAndRefusesUnknownChannels() {
        assertThat(RelayPolicy.builder().build().channels()).containsExactly(Channel.PRODUCTION);
        assertThat(RelayPolicy.builder().channels(List.of("production", "dev")).build().channels())
                .containsExactlyInAnyOrder(Channel.PRODUCTION, Channel.DEV);
        assertThatThrownBy(() -> RelayPolicy.builder().channels(List.of("staging")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("channels: unknown channel staging (production, dev)");
        assertThatThrownBy(() -> RelayPolicy.builder().channels(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("channels must name at least one channel");
        assertThatThrownBy(() -> RelayPolicy.builder().dropMetric(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dropMetric must name a metric");
    }

    @Test
    void theUpstreamMustBeAnHttpUrlAndItsSettingsValid() {
        assertThat(Upstream.builder("https://census.example.org/telemetry").build().base())
                .hasToString("https://census.example.org/telemetry/");
        for (String bad : List.of("ftp://census.example.org/", "census.example.org", "https://census.example.org/?x=1")) {
            assertThatThrownBy(() -> Upstream.builder(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("relayTo must be an http or https URL");
        }
        assertThatThrownBy(() -> Upstream.builder("https://a/").connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("relayConnectTimeout must be positive");
        assertThatThrownBy(() -> Upstream.builder("https://a/").trustStore(java.nio.file.Path.of("/nonexistent.p12"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("relayTrustStore /nonexistent.p12 cannot be loaded");
    }
}
