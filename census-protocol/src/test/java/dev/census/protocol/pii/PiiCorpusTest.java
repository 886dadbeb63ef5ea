package dev.census.protocol.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.pii.PiiCorpus.Positive;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
