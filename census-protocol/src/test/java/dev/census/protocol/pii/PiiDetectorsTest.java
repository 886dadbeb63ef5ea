package dev.census.protocol.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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
        for (String host : List.of("pulp.internal.corp", "api.acme.dev", "db01.acme.io")) {
            assertThat(detectors.trips(host)).as(host).isTrue();
        }
        for (String notAHost : List.of("3.22.0.dev", "disk.io", "setup.py", "org.apache.commons.io")) {
            assertThat(detectors.trips(notAHost)).as(notAHost).isFalse();
        }
    }

    @Test
    void ipv6ParsingAcceptsEveryTextualFormAndRejectsLookAlikes() {
        for (String address : List.of("2001:db8::1", "::ffff:192.0.2.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::")) {
            assertThat(Ipv6Detector.isAddress(address)).as(address).isTrue();
        }
        for (String lookAlike : List.of("1:2:3:4:5:6:7:8:9", "1::2::3", "12:30:45", "::ffff:300.0.2.1", "12345::1")) {
            assertThat(Ipv6Detector.isAddress(lookAlike)).as(lookAlike).isFalse();
        }
    }

    @Test
    void passwordAssignmentsTripButPlaceholdersAndSettingsDoNot() {
        assertThat(detectors.scan("password=hunter2")).map(PiiFinding::kind).contains(PiiKind.SECRET);
        assertThat(detectors.trips("password: ********")).isFalse();
        assertThat(detectors.trips("password: ${DB_PASSWORD}")).isFalse();
        assertThat(detectors.trips("password_auth: true")).isFalse();
    }

    @Test
    void socialSecurityNumbersOutsideTheIssuedRangesAreNotSsns() {
        PiiDetector nationalIds = PiiDetectors.of(PiiKind.NATIONAL_ID);

        assertThat(nationalIds.scan("078-05-1120")).map(PiiFinding::kind).contains(PiiKind.NATIONAL_ID);
        assertThat(nationalIds.trips("001-01-0001")).isTrue();
        assertThat(nationalIds.trips("899-99-9999")).isTrue();
        assertThat(nationalIds.trips("123 45 6789")).isTrue();
        for (String never : List.of("000-12-3456", "666-12-3456", "900-12-3456", "999-99-9999", "123-00-4567",
                "123-45-0000", "123-45 6789", "123456789", "1123-45-6789", "123-45-67890", "v123-45-6789")) {
            assertThat(nationalIds.trips(never)).as(never).isFalse();
        }
    }

    @Test
    void anIbanMustHaveItsCountrysLengthAndPassTheMod97Check() {
        PiiDetector nationalIds = PiiDetectors.of(PiiKind.NATIONAL_ID);

        assertThat(nationalIds.scan("iban DE89 3704 0044 0532 0130 00.").map(f -> f.matchIn("iban DE89 3704 0044 0532 0130 00.")))
                .contains("DE89 3704 0044 0532 0130 00");
        assertThat(nationalIds.trips("NO9386011117947")).isTrue();
        Map.of("DE89370400440532013001", "wrong check",
                "DE88370400440532013000", "wrong check digits",
                "DE8937040044053201300", "one short",
                "DE893704004405320130001", "one long",
                "XX89370400440532013000", "no such country",
                "DE89 37040 044 0532 0130 00", "groups not of four")
                .forEach((notAnIban, why) -> assertThat(nationalIds.trips(notAnIban)).as(why).isFalse());
        assertThat(NationalIdDetector.mod97("GB82WEST12345698765432")).isEqualTo(1);
    }

    @Test
    void aCardNumberMustPassLuhnAndBeginWithACardNetworksPrefixAtOneOfItsLengths() {
        PiiDetector cards = PiiDetectors.of(PiiKind.PAYMENT_CARD);

        assertThat(cards.scan("4111 1111 1111 1111")).map(PiiFinding::kind).contains(PiiKind.PAYMENT_CARD);
        assertThat(cards.trips("4111 1111 1111 1111 12/27")).as("the expiry after a card").isTrue();
        Map.of("4111 1111 1111 1112", "Luhn",
                "35184372088832", "2^45 bytes: passes Luhn, 14 digits, JCB has 16",
                "1234 5678 9012 3452", "no network starts with 1",
                "4111111111111111111", "19 bare digits are a number",
                "4111 1111-1111 1111", "mixed separators")
                .forEach((notACard, why) -> assertThat(cards.trips(notACard)).as(why).isFalse());
        assertThat(PaymentCardDetector.passesLuhn("79927398713")).isTrue();
        assertThat(PaymentCardDetector.passesLuhn("79927398710")).isFalse();
    }

    @Test
    void phoneNumbersNeedAnInternationalPrefixATrunkZeroOrTheNorthAmericanShape() {
        PiiDetector phones = PiiDetectors.of(PiiKind.PHONE);

        for (String phone : List.of("+14155550100", "+1 (415) 555-0100", "(415) 555-0100", "415.555.0100",
                "+44 (0)20 7946 0958", "0044 20 7946 0958", "020 7946 0958", "06 12 34 56 78")) {
            assertThat(phones.scan(phone)).as(phone).map(PiiFinding::kind).contains(PiiKind.PHONE);
        }
        for (String notAPhone : List.of("4155550100", "+1234567", "0044207946095", "(115) 555-0100", "415-155-0100",
                "2024-01-15", "+2024-01-15", "15.01.2024 10:30", "3.49.1", "10.0.19045.2965", "+1234.5678",
                "1 234 567", "UTC+05:30", "17.0.4.1+12345678")) {
            assertThat(phones.trips(notAPhone)).as(notAPhone).isFalse();
        }
    }

    @Test
    void aDisguisedEmailMustDisguiseSomethingAndEndInAHostLabel() {
        PiiDetector disguised = PiiDetectors.of(PiiKind.DISGUISED_EMAIL);

        assertThat(disguised.scan("mail bob at example dot com")
                .map(f -> f.matchIn("mail bob at example dot com"))).contains("bob at example dot com");
        assertThat(disguised.trips("bob[at]example.com")).isTrue();
        assertThat(disguised.trips("bob@example dot com")).isTrue();
        assertThat(disguised.trips("bob@example.com")).as("not disguised: the e-mail detector's").isFalse();
        assertThat(disguised.trips("worker at db01.example.com")).as("a plain 'at' and real dots: a host").isFalse();
        assertThat(detectors.scan("worker at db01.example.com")).map(PiiFinding::kind).contains(PiiKind.HOSTNAME);
        assertThat(disguised.trips("runs at boot dot time")).isFalse();
        assertThat(disguised.trips("bob [at] home")).isFalse();
    }

    @Test
    void componentVersionsKeepPublicDottedQuadsButDropPrivateAddressesAndEveryOtherKind() {
        PiiDetector versions = PiiDetectors.componentVersions();

        assertThat(versions.trips("2.0.0.1")).isFalse();
        assertThat(versions.trips("1.2.3.4")).isFalse();
        assertThat(versions.trips("17.0.4.1")).isFalse();
        assertThat(detectors.scan("2.0.0.1")).as("in free text still an address").map(PiiFinding::kind).contains(PiiKind.IPV4);
        for (String address : List.of("10.0.0.1", "192.168.1.20", "172.16.5.4", "127.0.0.1", "169.254.10.20", "100.64.1.2",
                "ip-10-0-0-1")) {
            assertThat(versions.scan(address)).as(address).map(PiiFinding::kind).contains(PiiKind.IPV4);
        }
        assertThat(versions.scan("db01.example.com")).map(PiiFinding::kind).contains(PiiKind.HOSTNAME);
        assertThat(versions.scan("4111111111111111")).map(PiiFinding::kind).contains(PiiKind.PAYMENT_CARD);
    }

    @Test
    void theNewKindsNameThemselvesInDropReasons() {
        assertThat(detectors.scan("+1 415 555 0100")).map(PiiFinding::reason).contains("pii:phone");
        assertThat(detectors.scan("4111 1111 1111 1111")).map(PiiFinding::reason).contains("pii:payment_card");
        assertThat(detectors.scan("078-05-1120")).map(PiiFinding::reason).contains("pii:national_id");
        assertThat(detectors.scan("bob [at] example [dot] com")).map(PiiFinding::reason).contains("pii:disguised_email");
    }

    @Test
    void longInputScansQuicklyWithoutCatastrophicBacktracking() {
        String hostile = "a".repeat(20_000) + "@" + ":".repeat(20_000) + "/home/" + "-".repeat(20_000);

        assertScansWithinTwoSeconds(hostile);
    }

    @Test
    void longInputShapedLikeTheNewKindsScansQuickly() {
        String hostile = " at ".repeat(5_000) + "+1 ".repeat(5_000) + "4111 ".repeat(5_000) + "DE89 ".repeat(5_000)
                + "0 ".repeat(10_000) + " [at] x [dot] ".repeat(2_000) + "123-45-".repeat(3_000);

        assertScansWithinTwoSeconds(hostile);
    }

    @Test
    void nullTextIsAProgrammingErrorNamedAsSuch() {
        assertThatThrownBy(() -> detectors.scan(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }

    private void assertScansWithinTwoSeconds(String hostile) {
        long start = System.nanoTime();
        detectors.scan(hostile);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(2_000);
    }
}
