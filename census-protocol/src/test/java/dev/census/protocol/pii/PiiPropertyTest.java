package dev.census.protocol.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
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
    void generatedPulpStyleVersionsNeverTripAsComponentVersionsNorInTextUnlessADottedQuad() {
        String[] suffixes = {"", "", ".dev", ".dev0", "a1", "b12", "rc3", ".post0", ".post2", "-1.el9", "-0.19.beta",
            "-2ubuntu7", "+1", "+7-LTS", "-SNAPSHOT", "_422-b05", ".Final", "-91-generic"};
        Random random = new Random(PiiCorpus.SEED);
        List<String> tripped = new ArrayList<>();
        for (int n = 0; n < SAMPLES; n++) {
            int major = random.nextInt(29);
            StringBuilder version = new StringBuilder().append(major >= 10 ? major + 1 : major); // 10.x.y.z is private
            int parts = 1 + random.nextInt(3);
            for (int i = 0; i < parts; i++) {
                version.append('.').append(random.nextInt(i == 0 ? 130 : 400));
            }
            if (parts == 3 && random.nextBoolean()) {
                version.append(random.nextInt(10_000) + 256);
            }
            String value = version + suffixes[random.nextInt(suffixes.length)];
            PiiDetectors.componentVersions().scan(value).ifPresent(f -> tripped.add(value + " -> " + f.kind()));
            if (!value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                DETECTORS.scan(value).ifPresent(f -> tripped.add(value + " in text -> " + f.kind()));
            }
        }
        assertThat(tripped).isEmpty();
    }

    @Test
    void aDottedQuadComponentVersionIsKeptUnlessItIsAPrivateLoopbackOrLinkLocalAddress() {
        PiiDetector versions = PiiDetectors.componentVersions();
        Random random = new Random(PiiCorpus.SEED);
        List<String> wronglyDropped = new ArrayList<>();
        List<String> wronglyKept = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            int first = random.nextInt(256);
            int second = random.nextInt(256);
            String quad = first + "." + second + "." + random.nextInt(256) + "." + random.nextInt(256);
            boolean privateUse = first == 10 || first == 127 || (first == 172 && second >= 16 && second < 32)
                    || (first == 192 && second == 168) || (first == 169 && second == 254)
                    || (first == 100 && second >= 64 && second < 128);
            boolean dropped = versions.trips(quad);
            if (dropped && !privateUse) {
                wronglyDropped.add(quad);
            } else if (!dropped && privateUse) {
                wronglyKept.add(quad);
            }
            assertThat(DETECTORS.scan(quad)).as("in free text %s is an address", quad).map(PiiFinding::kind).contains(PiiKind.IPV4);
        }
        for (String address : List.of("10.0.0.1", "10.255.255.254", "172.16.0.1", "172.31.255.1", "192.168.1.20",
                "127.0.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.254")) {
            assertThat(versions.scan(address)).as(address).map(PiiFinding::kind).contains(PiiKind.IPV4);
        }
        assertThat(wronglyDropped).as("public dotted quads dropped as versions").isEmpty();
        assertThat(wronglyKept).as("private-use addresses kept as versions").isEmpty();
        assertThat(FleetValues.DOTTED_QUAD_VERSIONS).allSatisfy(version -> assertThat(versions.scan(version)).as(version).isEmpty());
    }

    @Test
    void generatedPaymentCardsThatPassLuhnAreAllCaughtAndOneDigitOffIsNoCard() {
        PiiDetector cards = PiiDetectors.of(PiiKind.PAYMENT_CARD);
        forEachSample((random, i) -> {
            String card = PiiCorpus.card(random);
            assertCaughtAs(PiiKind.PAYMENT_CARD, card);
            char last = card.charAt(card.length() - 1);
            String wrongCheck = card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
            assertThat(cards.scan(wrongCheck)).as(wrongCheck).isEmpty();
        });
    }

    @Test
    void generatedPhoneNumbersAndDisguisedEmailAddressesAreAllCaught() {
        forEachSample((random, i) -> assertCaughtAs(PiiKind.PHONE, PiiCorpus.phone(random)));
        forEachSample((random, i) -> assertCaughtAs(PiiKind.DISGUISED_EMAIL, PiiCorpus.disguisedEmail(random)));
    }

    @Test
    void generatedIbansAndSocialSecurityNumbersAreAllCaughtAndAWrongCheckIsNoIban() {
        PiiDetector nationalIds = PiiDetectors.of(PiiKind.NATIONAL_ID);
        forEachSample((random, i) -> {
            String iban = PiiCorpus.iban(random);
            String ssn = PiiCorpus.ssn(random);
            assertCaughtAs(PiiKind.NATIONAL_ID, iban);
            assertCaughtAs(PiiKind.NATIONAL_ID, ssn);
            int check = Integer.parseInt(iban.substring(2, 4));
            String wrongCheck = iban.substring(0, 2) + String.format(Locale.ROOT, "%02d", (check + 1) % 100) + iban.substring(4);
            assertThat(nationalIds.scan(wrongCheck)).as(wrongCheck).isEmpty();
        });
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
        forEachSample((random, i) ->
                assertCaughtAs(PiiKind.SECRET, PiiCorpus.randomString(random, alphabets[i % alphabets.length], 32 + random.nextInt(33))));
    }

    @Test
    void generatedAddressesAreAllCaughtAsTheirKind() {
        forEachSample((random, i) -> {
            String v4 = PiiCorpus.ipv4(random);
            String v6 = PiiCorpus.ipv6(random);
            assertCaughtAs(PiiKind.IPV4, v4);
            assertCaughtAs(PiiKind.IPV6, v6);
        });
    }

    /** Runs the check on {@code SAMPLES} draws from one seeded generator; the index lets a check cycle through fixed choices. */
    private static void forEachSample(ObjIntConsumer<Random> check) {
        Random random = new Random(PiiCorpus.SEED);
        for (int i = 0; i < SAMPLES; i++) {
            check.accept(random, i);
        }
    }

    private static void assertCaughtAs(PiiKind kind, String value) {
        assertThat(DETECTORS.scan(value)).as(value).map(PiiFinding::kind).contains(kind);
    }

    private static void assertNoneTrip(Function<Random, String> generator) {
        List<String> tripped = new ArrayList<>();
        forEachSample((random, i) -> {
            String value = generator.apply(random);
            DETECTORS.scan(value).ifPresent(f -> tripped.add(value + " -> " + f.kind()));
        });
        assertThat(tripped).isEmpty();
    }
}
