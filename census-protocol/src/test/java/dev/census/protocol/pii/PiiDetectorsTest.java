package dev.census.protocol.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PiiDetectorsTest {

    private final PiiDetector detectors = PiiDetectors.standard();

    @Test
    void findingSpansExactlyThePersonalPartOfTheText() {
        String text = "workers run on db01.example.com today";
        PiiFinding finding = detectors.scan(text).orElseThrow();

        assertThat(finding.kind()).isEqualTo(PiiKind.HOSTNAME);
        assertThat(finding.matchIn(text)).isEqualTo("db01.example.com");
    }

    @Test
    void findingDoesNotRepeatThePersonalDataWhenPrinted() {
        PiiFinding finding = detectors.scan("bob@example.com").orElseThrow();

        assertThat(finding.toString()).doesNotContain("bob").doesNotContain("example");
        assertThat(finding.reason()).isEqualTo("pii:email");
    }

    @Test
    void credentialsInAUrlAreReportedBeforeTheHostTheyPointAt() {
        assertThat(detectors.scan("https://bob:pw@db.example.com/")).map(PiiFinding::kind).contains(PiiKind.URL_CREDENTIALS);
    }

    @Test
    void aUrlWithoutCredentialsStillGivesAwayItsHost() {
        assertThat(detectors.scan("https://pulp.example.com/pulp/api/v3/")).map(PiiFinding::kind).contains(PiiKind.HOSTNAME);
    }

    @Test
    void pulpWorkerNamesLeakTheirHostEvenWithoutADot() {
        assertThat(detectors.scan("12345@pulp-worker-7f9c8d")).map(PiiFinding::kind).contains(PiiKind.HOSTNAME);
        assertThat(detectors.scan("lodash@4.17.21")).isEmpty();
    }

    @Test
    void dottedWordsWithTheSameShapeAsHostsAreToldApartByTheirEnding() {
        assertThat(detectors.trips("pulp.internal.corp")).isTrue();
        assertThat(detectors.trips("3.22.0.dev")).isFalse();
        assertThat(detectors.trips("api.acme.dev")).isTrue();
        assertThat(detectors.trips("disk.io")).isFalse();
        assertThat(detectors.trips("db01.acme.io")).isTrue();
        assertThat(detectors.trips("setup.py")).isFalse();
        assertThat(detectors.trips("org.apache.commons.io")).isFalse();
    }

    @Test
    void ipv6ParsingAcceptsEveryTextualFormAndRejectsLookAlikes() {
        assertThat(Ipv6Detector.isAddress("2001:db8::1")).isTrue();
        assertThat(Ipv6Detector.isAddress("::ffff:192.0.2.1")).isTrue();
        assertThat(Ipv6Detector.isAddress("1:2:3:4:5:6:7:8")).isTrue();
        assertThat(Ipv6Detector.isAddress("1:2:3:4:5:6:7::")).isTrue();
        assertThat(Ipv6Detector.isAddress("1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(Ipv6Detector.isAddress("1::2::3")).isFalse();
        assertThat(Ipv6Detector.isAddress("12:30:45")).isFalse();
        assertThat(Ipv6Detector.isAddress("::ffff:300.0.2.1")).isFalse();
        assertThat(Ipv6Detector.isAddress("12345::1")).isFalse();
    }

    @Test
    void passwordAssignmentsTripButPlaceholdersAndSettingsDoNot() {
        assertThat(detectors.scan("password=hunter2")).map(PiiFinding::kind).contains(PiiKind.SECRET);
        assertThat(detectors.trips("password: ********")).isFalse();
        assertThat(detectors.trips("password: ${DB_PASSWORD}")).isFalse();
        assertThat(detectors.trips("password_auth: true")).isFalse();
    }

    @Test
    void longInputScansQuicklyWithoutCatastrophicBacktracking() {
        String hostile = "a".repeat(20_000) + "@" + ":".repeat(20_000) + "/home/" + "-".repeat(20_000);

        long start = System.nanoTime();
        detectors.scan(hostile);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void nullTextIsAProgrammingErrorNamedAsSuch() {
        assertThatThrownBy(() -> detectors.scan(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }
}
