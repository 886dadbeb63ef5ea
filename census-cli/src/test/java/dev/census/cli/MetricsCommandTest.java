package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    private int census(String... args) {
        String[] metrics = new String[args.length + 1];
        metrics[0] = "metrics";
        System.arraycopy(args, 0, metrics, 1, args.length);
        return cli.run(metrics);
    }

    @Test
    void newWritesAProposalThatLintFailsOnEveryUnansweredQuestion() throws IOException {
        assertThat(census("new", "--product", "pulp", "--dir", dir.toString(), "tasks.failed")).isZero();
        Path file = dir.resolve("pulp/tasks.failed.yaml");
        assertThat(Files.readString(file)).contains("status: proposed", "What question will this help us answer?", "\ntitle:\n");
        cli.clear();

        assertThat(census("lint", dir.toString())).isEqualTo(1);

        assertThat(cli.out().lines())
                .hasSize(12)
                .allSatisfy(line -> assertThat(line).startsWith(file + ":").contains(": unanswered: "))
                .first().asString().startsWith(file + ":title: unanswered: ");
    }

    @Test
    void newRefusesToOverwriteAnExistingProposal() {
        assertThat(census("new", "--product", "pulp", "--dir", dir.toString(), "tasks.failed")).isZero();

        assertThat(census("new", "--product", "pulp", "--dir", dir.toString(), "tasks.failed")).isEqualTo(1);
        assertThat(cli.err()).contains("already exists");
    }

    @Test
    void lintPassesAnAnsweredRegistryAndSkipsTheProductFile() throws IOException {
        Files.createDirectories(dir.resolve("pulp"));
        Files.writeString(dir.resolve("pulp/product.yaml"), "name: pulp\ncomponents: [core, rpm]\n");
        Files.writeString(dir.resolve("pulp/workers.processes.yaml"), """
                name: workers.processes
                title: Worker processes
                type: count
                unit: processes
                question: How many worker processes does a typical installation run?
                example: {workers.processes: 4}
                gathering: database
                storage: Counted from the worker table at report time.
                burden: One COUNT query a day.
                pii: false
                since_version: 3.21.0
                alternatives: [Worker host names, rejected as personal data]
                discussion: The count answers the question without host names.
                summarization: mean, p50, p90, histogram
                visualization: histogram of installations per worker count
                status: approved
                decision_link: https://discourse.pulpproject.org/t/proposal-telemetry/259/2
                introduced_by: https://github.com/pulp/pulpcore/pull/2118
                """);

        assertThat(census("lint", dir.toString())).isZero();
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("1 metric file, no problems");
    }

    @Test
    void lintReportsAnExampleCarryingAHostNameAndBrokenYaml() throws IOException {
        census("new", "--product", "pulp", "--dir", dir.toString(), "workers.names");
        Path file = dir.resolve("pulp/workers.names.yaml");
        Files.writeString(file, Files.readString(file).replace("\nexample:\n", "\nexample: \"1234@db01.internal.corp\"\n"));
        Files.writeString(dir.resolve("pulp/broken.yaml"), "name: [unclosed\n");

        assertThat(census("lint", dir.toString())).isEqualTo(1);

        assertThat(cli.out())
                .contains(file + ":example: '1234@db01.internal.corp' looks like an e-mail address")
                .contains(dir.resolve("pulp/broken.yaml") + ":-: not valid YAML");
    }

    @Test
    void aBadMetricNameIsAUsageErrorNamingTheArgument() {
        assertThat(census("new", "--product", "pulp", "--dir", dir.toString(), "Tasks Failed")).isEqualTo(2);
        assertThat(cli.err()).contains("name: metric names are lowercase dotted words");
    }
}
