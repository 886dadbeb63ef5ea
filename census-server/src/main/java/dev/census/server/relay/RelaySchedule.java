package dev.census.server.relay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * When the relay forwards on its own: once a day at a random time of the UTC day ({@code daily}, so
 * that an organisation's reports do not leave at a time that says something about it, and relays do
 * not all post at midnight), or {@code continuous}: again a fixed delay after each run.
 */
public sealed interface RelaySchedule {

    /** The delay of {@code continuous} without one. */
    Duration DEFAULT_CONTINUOUS_DELAY = Duration.ofMinutes(1);

    /** The next run strictly after this instant. */
    Instant nextRun(Instant after);

    /** {@code daily}, {@code continuous}, or {@code continuous:DELAY} with a delay like {@code 30s}, {@code 5m}, {@code 1h}. */
    static RelaySchedule parse(String text, RandomGenerator random) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("daily")) {
            return new Daily(random);
        }
        if (value.equals("continuous")) {
            return new Continuous(DEFAULT_CONTINUOUS_DELAY);
        }
        if (value.startsWith("continuous:") && value.length() > "continuous:".length() + 1) {
            String delay = value.substring("continuous:".length());
            try {
                long amount = Long.parseLong(delay.substring(0, delay.length() - 1));
                Duration duration = switch (delay.charAt(delay.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> null;
                };
                if (duration != null && amount > 0) {
                    return new Continuous(duration);
                }
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw new IllegalArgumentException("relaySchedule must be daily, continuous or continuous:DELAY (30s, 5m, 1h): " + text);
    }

    /** Once a UTC day, at a time drawn anew for each day. */
    record Daily(RandomGenerator random) implements RelaySchedule {
        @Override
        public Instant nextRun(Instant after) {
            LocalDate day = LocalDate.ofInstant(after, ZoneOffset.UTC);
            while (true) {
                Instant run = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextLong(86_400));
                if (run.isAfter(after)) {
                    return run;
                }
                day = day.plusDays(1);
            }
        }

        @Override
        public String toString() {
            return "daily, at a random time";
        }
    }

    /** Again {@code delay} after each run. */
    record Continuous(Duration delay) implements RelaySchedule {
        @Override
        public Instant nextRun(Instant after) {
            return after.plus(delay);
        }

        @Override
        public String toString() {
            return "continuous, every " + delay.toString().substring(2).toLowerCase(Locale.ROOT);
        }
    }
}
