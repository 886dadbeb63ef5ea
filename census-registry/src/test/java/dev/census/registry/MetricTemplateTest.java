package dev.census.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTemplateTest {

    private static final String FILE = "metrics/pulp/tasks.failed.yaml";

    @Test
    void aNewProposalHoldsEveryFieldWithStatusProposed() {
        Map<String, Object> fields = parseFlatYaml(MetricTemplate.yaml("pulp", "tasks.failed"));

        assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(RegistryFields.ALL);
        assertThat(fields).containsEntry("name", "tasks.failed").containsEntry("status", "proposed");
    }

    @Test
    void aNewProposalAsksEveryQuestionOfTheWorkingGroup() {
        String yaml = MetricTemplate.yaml("pulp", "tasks.failed");

        assertThat(yaml).contains(
                "What question will this help us answer?",
                "What is a specific example of the data to be gathered?",
                "How will this metric be stored",
                "Will the gathering and/or storage of this cause unacceptable burden/load on pulp?",
                "Is this metric Personally-Identifiable-Data?",
                "How can we sanitize this output?",
                "What pulp version will this be collected with?",
                "Is this approved/not-approved?",
                "Alternative proposal(s)",
                "Discussion notes",
                "How are we going to visualize that information?");
    }

    @Test
    void aNewProposalAsksForTheTitleChartsShow() {
        String yaml = MetricTemplate.yaml("pulp", "tasks.failed");

        assertThat(yaml).contains("name: tasks.failed\n# What do charts and pages call it, in a few words? (Worker processes)\ntitle:\n");
    }

    @Test
    void aNewProposalExplainsTheValidRangeOfACountOrGauge() {
        String yaml = MetricTemplate.yaml("pulp", "tasks.failed");

        assertThat(yaml).contains("\nmin:\n", "\nmax:\n", "out_of_range", "a count 0 to 1000000000");
        assertThat(MetricTemplate.questionOf("max")).isEqualTo("What is the largest value a count or gauge can truly take?");
    }

    @Test
    void aNewProposalFailsLintOnEveryUnansweredQuestionAndNothingElse() {
        List<LintProblem> problems = RegistryLinter.standard().lint(FILE, parseFlatYaml(MetricTemplate.yaml("pulp", "tasks.failed")));

        assertThat(problems).extracting(LintProblem::field).containsExactlyInAnyOrder(
                "title", "type", "question", "example", "storage", "burden", "since_version", "alternatives", "summarization",
                "visualization", "gathering", "pii");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).startsWith("unanswered: "));
    }

    @Test
    void aBadNameIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> MetricTemplate.yaml("pulp", "Workers Processes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name: ");
    }

    /** Just enough YAML for the template: flat "key: value" lines, comments, and "[]". */
    static Map<String, Object> parseFlatYaml(String yaml) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String line : yaml.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            fields.put(key, value.isEmpty() ? null : value.equals("[]") ? new ArrayList<>() : value);
        }
        return fields;
    }
}
