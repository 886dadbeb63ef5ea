package dev.census.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegistryLinterTest {

    private static final String FILE = "metrics/pulp/workers.processes.yaml";
    private final RegistryLinter linter = RegistryLinter.standard();

    /** A metric that answers every question, as a YAML parser would hand it over. */
    static Map<String, Object> approvedMetric() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "workers.processes");
        m.put("title", "Worker processes");
        m.put("type", "count");
        m.put("unit", "processes");
        m.put("question", "How many worker processes does a typical installation run?");
        m.put("example", Map.of("workers.processes", 4));
        m.put("gathering", "database");
        m.put("storage", "Counted from the worker heartbeat table at report time; one integer per daily report.");
        m.put("burden", "One indexed COUNT query per day.");
        m.put("pii", false);
        m.put("sanitization", "");
        m.put("since_version", "3.21.0");
        m.put("alternatives", List.of("Report worker host names (rejected: personal data)"));
        m.put("discussion", "Host names were dropped; the count answers the question.");
        m.put("summarization", "mean, p50, p90 and a power-of-two histogram");
        m.put("visualization", "histogram of installations per worker count");
        m.put("status", "approved");
        m.put("decision_link", "https://discourse.pulpproject.org/t/proposal-telemetry/259/2");
        m.put("introduced_by", "pulp/pulpcore#2118");
        return m;
    }

    private List<String> problems(Map<String, Object> metric) {
        return linter.lint(FILE, metric).stream().map(LintProblem::toString).collect(Collectors.toList());
    }

    @Test
    void aMetricThatAnswersEveryQuestionPasses() {
        assertThat(linter.lint(FILE, approvedMetric())).isEmpty();
    }

    @Test
    void eachUnansweredQuestionIsOneProblemNamingFileAndField() {
        Map<String, Object> metric = approvedMetric();
        metric.remove("burden");
        metric.put("example", "  ");
        metric.put("alternatives", List.of());

        assertThat(problems(metric)).containsExactly(
                FILE + ":example: unanswered: What is a specific example of the data to be gathered?",
                FILE + ":burden: unanswered: Will the gathering and/or storage of this cause unacceptable burden/load on the host?",
                FILE + ":alternatives: unanswered: What alternative proposals were considered?");
    }

    @Test
    void anAnswerThatOnlyPromisesAnAnswerIsUnanswered() {
        Map<String, Object> metric = approvedMetric();
        metric.put("example", "[example TBD]");

        assertThat(problems(metric)).containsExactly(
                FILE + ":example: unanswered: What is a specific example of the data to be gathered?");
    }

    @Test
    void anUnknownTypeIsAProblem() {
        Map<String, Object> metric = approvedMetric();
        metric.put("type", "histogram");

        assertThat(problems(metric)).containsExactly(
                FILE + ":type: unknown type 'histogram' (count, gauge, enum, boolean or version)");
    }

    @Test
    void anEnumWithoutValuesIsAProblem() {
        Map<String, Object> metric = approvedMetric();
        metric.put("type", "enum");
        metric.remove("unit");

        assertThat(problems(metric)).containsExactly(FILE + ":allowed_values: an enum needs its allowed values");
    }

    @Test
    void anApprovedMetricWithoutADecisionLinkIsAProblem() {
        Map<String, Object> metric = approvedMetric();
        metric.remove("decision_link");

        assertThat(problems(metric)).containsExactly(
                FILE + ":decision_link: a metric that is approved needs the link where that was decided");
    }

    @Test
    void aDecisionLinkMustBeAWebLink() {
        Map<String, Object> metric = approvedMetric();
        metric.put("decision_link", "the March meeting");

        assertThat(problems(metric)).containsExactly(FILE + ":decision_link: must be an http(s) link, not 'the March meeting'");
    }

    @Test
    void anApprovedMetricMustBeTraceableToTheChangeThatIntroducedIt() {
        Map<String, Object> metric = approvedMetric();
        metric.put("introduced_by", "");

        assertThat(problems(metric)).containsExactly(
                FILE + ":introduced_by: an approved metric needs the commit or change that introduced it");
    }

    @Test
    void aProposedMetricNeedsNeitherDecisionNorDiscussionNorCommitYet() {
        Map<String, Object> metric = approvedMetric();
        metric.put("status", "proposed");
        metric.remove("decision_link");
        metric.remove("discussion");
        metric.remove("introduced_by");

        assertThat(linter.lint(FILE, metric)).isEmpty();
    }

    @Test
    void anExampleHoldingAHostNameTripsThePiiDetectors() {
        Map<String, Object> metric = approvedMetric();
        metric.put("example", Map.of("online_workers", List.of(Map.of("name", "1234@pulp-worker-1.example.com"))));

        assertThat(problems(metric)).singleElement().asString()
                .startsWith(FILE + ":example: '1234@pulp-worker-1.example.com' looks like an e-mail address");
    }

    @Test
    void anExampleOfEachPiiKindIsRefused() {
        for (String example : List.of("ops@example.com", "10.1.2.3", "fe80::1", "00:1a:2b:3c:4d:5e", "db01.example.com",
                "https://bob:pw@h/", "/home/bob/.config", "AKIAIOSFODNN7EXAMPLE")) {
            Map<String, Object> metric = approvedMetric();
            metric.put("example", "workers.processes: " + example);
            assertThat(problems(metric)).as(example).singleElement().asString().startsWith(FILE + ":example: ");
        }
    }

    @Test
    void anExampleHoldingAPhoneACardANationalIdOrADisguisedEmailIsRefusedNamingTheKind() {
        Map<String, String> examples = Map.of(
                "+1 415 555 0100", "a phone number",
                "4111 1111 1111 1111", "a payment card number",
                "078-05-1120", "a national identifier (SSN or IBAN)",
                "DE89 3704 0044 0532 0130 00", "a national identifier (SSN or IBAN)",
                "ops [at] example [dot] com", "a disguised e-mail address");
        examples.forEach((example, kind) -> {
            Map<String, Object> metric = approvedMetric();
            metric.put("example", "workers.processes: " + example);
            assertThat(problems(metric)).as(example).singleElement().asString()
                    .startsWith(FILE + ":example: ").contains("looks like " + kind);
        });
    }

    @Test
    void anAllowedValueThatTripsADetectorCouldNeverBeAcceptedAndIsAProblem() {
        Map<String, Object> metric = approvedMetric();
        metric.put("type", "enum");
        metric.remove("unit");
        metric.put("allowed_values", List.of("filesystem", "nas.internal.corp"));

        assertThat(problems(metric)).singleElement().asString()
                .startsWith(FILE + ":allowed_values: 'nas.internal.corp' looks like a host name");
    }

    @Test
    void personalDataMustSayHowItIsSanitized() {
        Map<String, Object> metric = approvedMetric();
        metric.put("pii", true);

        assertThat(problems(metric)).containsExactly(
                FILE + ":sanitization: personal data needs an answer to: how can we sanitize this output?");
    }

    @Test
    void gatheringAndPiiAcceptOnlyTheirFixedAnswers() {
        Map<String, Object> metric = approvedMetric();
        metric.put("gathering", "cron");
        metric.put("pii", "maybe");

        assertThat(problems(metric)).containsExactly(
                FILE + ":gathering: must be runtime or database, not 'cron'",
                FILE + ":pii: must be true or false, not 'maybe'");
    }

    @Test
    void aMisspelledFieldIsReportedRatherThanSilentlyIgnored() {
        Map<String, Object> metric = approvedMetric();
        metric.put("questoin", "typo");

        assertThat(problems(metric)).singleElement().asString().startsWith(FILE + ":questoin: unknown field");
    }

    @Test
    void theFileMustBeNamedAfterItsMetric() {
        assertThat(linter.lint("metrics/pulp/workers.yaml", approvedMetric()))
                .containsExactly(new LintProblem("metrics/pulp/workers.yaml", "name",
                        "the file of metric workers.processes must be named workers.processes.yaml"));
    }

    @Test
    void aCountOrGaugeNeedsAUnit() {
        Map<String, Object> metric = approvedMetric();
        metric.remove("unit");

        assertThat(problems(metric)).containsExactly(FILE + ":unit: a count needs a unit, such as processes or MiB");
    }

    @Test
    void everyMetricNeedsATitleForChartsAndPages() {
        Map<String, Object> metric = approvedMetric();
        metric.remove("title");

        assertThat(problems(metric)).containsExactly(
                FILE + ":title: unanswered: What do charts and pages call it, in a few words (Worker processes)?");
    }

    @Test
    void anUnknownStatusIsAProblem() {
        Map<String, Object> metric = approvedMetric();
        metric.put("status", "accepted");

        assertThat(problems(metric)).containsExactly(
                FILE + ":status: unknown status 'accepted' (proposed, approved, rejected or retired)");
    }

    @Test
    void aCountOrGaugeMayDeclareARangeHoldingItsExample() {
        Map<String, Object> metric = approvedMetric();
        metric.put("min", 1);
        metric.put("max", "1e4");

        assertThat(linter.lint(FILE, metric)).isEmpty();
    }

    @Test
    void onlyACountOrGaugeHasARange() {
        Map<String, Object> metric = approvedMetric();
        metric.put("type", "version");
        metric.remove("unit");
        metric.put("example", Map.of("workers.processes", "15.4"));
        metric.put("min", 0);
        metric.put("max", 20);

        assertThat(problems(metric)).containsExactly(
                FILE + ":min: only a count or gauge has a range, not a version",
                FILE + ":max: only a count or gauge has a range, not a version");
    }

    @Test
    void minAboveMaxIsAProblemWhetherTheOtherEndIsDeclaredOrTheDefault() {
        Map<String, Object> metric = approvedMetric();
        metric.put("min", 10);
        metric.put("max", 5);
        assertThat(problems(metric)).containsExactly(FILE + ":min: min 10 is above max 5");

        metric.remove("max");
        metric.put("min", 2e9);
        assertThat(problems(metric)).containsExactly(FILE + ":min: min 2000000000 is above a count's default max 1000000000");

        metric.remove("min");
        metric.put("max", -1);
        assertThat(problems(metric)).containsExactly(FILE + ":max: max -1 is below a count's default min 0");
    }

    @Test
    void anExampleOutsideTheRangeIsAProblem() {
        Map<String, Object> metric = approvedMetric();
        metric.put("max", 3);
        assertThat(problems(metric)).containsExactly(FILE + ":example: the example's value 4 is outside the range 0 to 3");

        metric.remove("max");
        metric.put("example", Map.of("workers.processes", 5_000_000_000L));
        assertThat(problems(metric)).containsExactly(
                FILE + ":example: the example's value 5000000000 is outside the range 0 to 1000000000, the default for a count");
    }

    @Test
    void aBoundMustBeANumberWithinTwoToThe53AndACountsMinNotNegative() {
        Map<String, Object> metric = approvedMetric();
        metric.put("min", "a few");
        metric.put("max", 1e300);
        assertThat(problems(metric)).containsExactly(
                FILE + ":min: must be a number, not 'a few'",
                FILE + ":max: must lie within ±9007199254740992 (2^53), not 1.0E300");

        metric.put("min", -1);
        metric.put("max", "");
        assertThat(problems(metric)).containsExactly(FILE + ":min: a count is never negative, so min must be at least 0");
    }
}
