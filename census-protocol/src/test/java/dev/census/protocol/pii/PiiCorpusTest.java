package dev.census.protocol.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.pii.PiiCorpus.Positive;
import java.util.ArrayList;
import java.util.EnumMap;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PiiCorpusTest {

    private final PiiDetector detectors = PiiDetectors.standard();

    @Test
    void corpusHoldsAtLeastTwoHundredPositivesSpreadOverEveryKindAndTwoHundredNegatives() {
        List<Positive> positives = PiiCorpus.positives();
        Map<PiiKind, Integer> perKind = new EnumMap<>(PiiKind.class);
        positives.forEach(p -> perKind.merge(p.kind(), 1, Integer::sum));

        assertThat(positives).hasSizeGreaterThanOrEqualTo(200);
        assertThat(perKind.keySet()).containsExactlyInAnyOrder(PiiKind.values());
        assertThat(perKind.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(25));
        assertThat(PiiCorpus.negatives()).hasSizeGreaterThanOrEqualTo(200).doesNotHaveDuplicates();
    }

    @Test
    void eachKindForPhonesCardsNationalIdsAndDisguisedEmailHasAtLeastFiftyPositives() {
        Map<PiiKind, Integer> perKind = new EnumMap<>(PiiKind.class);
        PiiCorpus.positives().forEach(p -> perKind.merge(p.kind(), 1, Integer::sum));

        for (PiiKind kind : List.of(PiiKind.PHONE, PiiKind.PAYMENT_CARD, PiiKind.NATIONAL_ID, PiiKind.DISGUISED_EMAIL)) {
            assertThat(perKind.getOrDefault(kind, 0)).as("%s positives", kind).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void atLeastTwoHundredRealFleetVersionsAndPlatformValuesAreAllClean() {
        List<String> fleet = FleetValues.all();
        List<String> tripped = new ArrayList<>();
        for (String value : fleet) {
            detectors.scan(value).ifPresent(f -> tripped.add(value + " -> " + f.kind() + " '" + f.matchIn(value) + "'"));
        }

        assertThat(fleet).hasSizeGreaterThanOrEqualTo(200);
        assertThat(PiiCorpus.negatives()).containsAll(fleet);
        assertThat(tripped).as("real fleet values that tripped a detector").isEmpty();
    }

    @Test
    void everyTimeZoneAndLocaleNameTheJdkKnowsIsClean() {
        List<String> names = new ArrayList<>(ZoneId.getAvailableZoneIds());
        for (Locale locale : Locale.getAvailableLocales()) {
            names.add(locale.toString());
            names.add(locale.toLanguageTag());
            names.add(locale.toString() + ".UTF-8");
        }
        List<String> tripped = new ArrayList<>();
        for (String name : names) {
            detectors.scan(name).ifPresent(f -> tripped.add(name + " -> " + f.kind()));
        }

        assertThat(names).hasSizeGreaterThan(1_000);
        assertThat(tripped).isEmpty();
    }

    @Test
    void everyPositiveIsCaughtAndReportedAsItsKind() {
        List<String> missed = new ArrayList<>();
        for (Positive positive : PiiCorpus.positives()) {
            Optional<PiiFinding> finding = detectors.scan(positive.text());
            if (finding.isEmpty() || finding.get().kind() != positive.kind()) {
                missed.add(positive.kind() + " " + positive.text() + " -> " + finding.map(PiiFinding::kind).orElse(null));
            }
        }
        assertThat(missed).as("positives missed or misclassified").isEmpty();
    }

    @Test
    void noNegativeTripsAnyDetector() {
        List<String> tripped = new ArrayList<>();
        for (String negative : PiiCorpus.negatives()) {
            detectors.scan(negative).ifPresent(f -> tripped.add(negative + " -> " + f.kind() + " '" + f.matchIn(negative) + "'"));
        }
        assertThat(tripped).as("negatives that tripped a detector").isEmpty();
    }

    @Test
    void eachKindsDetectorCatchesItsOwnPositivesOnItsOwn() {
        for (Positive positive : PiiCorpus.positives()) {
            assertThat(PiiDetectors.of(positive.kind()).scan(positive.text()))
                    .as("%s alone on %s", positive.kind(), positive.text())
                    .map(PiiFinding::kind).contains(positive.kind());
        }
    }
}
