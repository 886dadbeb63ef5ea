package dev.census.protocol.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Seeded generators of what Census legitimately carries, and of what it must never carry. */
class PiiPropertyTest {

    private static final int SAMPLES = 2_000;
    private static final String[] PRE_RELEASE = {"", "", "", "rc1", "a6", "b2", ".dev", ".dev0", ".post1", "-SNAPSHOT",
            "-rc.1", "-beta.2", "+build.5", "-1.el8", "-1.el9_2", "~beta1", "+g1a2b3c4", ".Final", "-alpha+001"};
    private static final String[] WORDS = {"workers", "processes", "hosts", "content", "apps", "storage", "backend",
            "database", "engine", "users", "groups", "domains", "roles", "count", "enabled", "version", "memory",
            "mib", "tls", "repositories", "tasks", "failed", "uploads", "size", "rbac", "custom", "policies", "plugins",
            "postgresql", "python", "redis", "cache", "hit", "ratio", "sync", "duration", "api", "requests", "remote",
            "distribution", "publication", "artifacts", "file", "system", "container", "rpm", "ansible", "deb",
            "online", "systems", "services", "network", "pulp", "status", "feature", "flags", "auth", "ldap", "kind"};
    private static final PiiDetector DETECTORS = PiiDetectors.standard();

    @Test
    void generatedVersionStringsNeverTrip() {
        assertNoneTrip(random -> {
            int parts = 2 + random.nextInt(2);
            StringBuilder version = new StringBuilder(random.nextInt(4) == 0 ? "v" : "");
            for (int i = 0; i < parts; i++) {
                version.append(i == 0 ? "" : ".").append(random.nextInt(i == 0 ? 40 : 300));
            }
            return version + PRE_RELEASE[random.nextInt(PRE_RELEASE.length)];
        });
    }

    @Test
    void fourNumberVersionsTripOnlyWhenTheyCouldBeAnAddress() {
        assertNoneTrip(random -> random.nextInt(40) + "." + random.nextInt(30) + "." + random.nextInt(30) + "."
                + (256 + random.nextInt(60000)));
        assertNoneTrip(random -> random.nextInt(40) + "." + random.nextInt(30) + "." + random.nextInt(30) + "."
                + random.nextInt(256) + PRE_RELEASE[3 + random.nextInt(PRE_RELEASE.length - 3)].replaceFirst("^[^-+~.]", "-$0"));
        assertThat(DETECTORS.scan("17.0.4.1")).map(PiiFinding::kind).contains(PiiKind.IPV4);
    }

    @Test
    void generatedSystemIdsNeverTrip() {
        assertNoneTrip(random -> {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            return random.nextInt(5) == 0 ? id.toUpperCase(Locale.ROOT) : id;
        });
    }

    @Test
    void generatedNumbersNeverTrip() {
        assertNoneTrip(random -> switch (random.nextInt(4)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(12)));
            case 2 -> Integer.toString(random.nextInt(100_000));
            default -> String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 1000);
        });
    }

    @Test
    void generatedEnumValuesAndDottedMetricNamesNeverTrip() {
        assertNoneTrip(random -> {
            int words = 1 + random.nextInt(4);
            String separator = new String[] {"-", "_", ".", ""}[random.nextInt(4)];
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < words; i++) {
                picked.add(WORDS[random.nextInt(WORDS.length)] + (random.nextInt(6) == 0 ? random.nextInt(100) : ""));
            }
            return String.join(separator, picked);
        });
    }

    @Test
    void generatedRandomKeysOfThirtyTwoCharactersOrMoreAreAllCaught() {
        String[] alphabets = {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", "0123456789abcdef"};
        Random random = new Random(PiiCorpus.SEED);
        for (int i = 0; i < SAMPLES; i++) {
            String key = PiiCorpus.randomString(random, alphabets[i % alphabets.length], 32 + random.nextInt(33));
            assertThat(DETECTORS.scan(key)).as(key).map(PiiFinding::kind).contains(PiiKind.SECRET);
        }
    }

    @Test
    void generatedAddressesAreAllCaughtAsTheirKind() {
        Random random = new Random(PiiCorpus.SEED);
        for (int i = 0; i < SAMPLES; i++) {
            String v4 = PiiCorpus.ipv4(random);
            String v6 = PiiCorpus.ipv6(random);
            assertThat(DETECTORS.scan(v4)).as(v4).map(PiiFinding::kind).contains(PiiKind.IPV4);
            assertThat(DETECTORS.scan(v6)).as(v6).map(PiiFinding::kind).contains(PiiKind.IPV6);
        }
    }

    private static void assertNoneTrip(Function<Random, String> generator) {
        Random random = new Random(PiiCorpus.SEED);
        List<String> tripped = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String value = generator.apply(random);
            DETECTORS.scan(value).ifPresent(f -> tripped.add(value + " -> " + f.kind()));
        }
        assertThat(tripped).isEmpty();
    }
}
