package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.CensusServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help reads whole: lines end at the terminal's width, only at spaces, and no description is cut. */
class UsageHelpTest {

    private static final int UNWRAPPED = 10_000;

    @Test
    void helpWrapsOnlyAtSpacesSoNoTokenIsBrokenAndNoLineExceedsEightyColumns() {
        List<String> narrow = usages(CensusCommand.commandLine(80));
        List<String> wide = usages(CensusCommand.commandLine(UNWRAPPED));

        assertThat(narrow).hasSameSizeAs(wide).hasSizeGreaterThan(10);
        for (int i = 0; i < narrow.size(); i++) {
            assertThat(tokens(narrow.get(i))).as(narrow.get(i)).isEqualTo(tokens(wide.get(i)));
            assertThat(narrow.get(i).lines()).as(narrow.get(i))
                    .allSatisfy(line -> assertThat(line.length() <= 80 || tokens(line).size() == 1).as(line).isTrue());
        }
        assertThat(String.join("\n", narrow)).contains("./census-data", "metrics/<product>/<name>.yaml", "tasks.failed",
                "postgresql://db:5432/census?user=census&password=…");
    }

    @Test
    void everyCommandsSummaryInItsParentsListIsACompleteSentence() {
        List<String> summaries = new ArrayList<>();
        walk(CensusCommand.commandLine(80), command -> summaries.add(command.getCommandSpec().usageMessage().description()[0]));

        assertThat(summaries).allSatisfy(summary -> assertThat(summary).endsWith("."));
    }

    @Test
    void theOutboxSynopsisNamesItsActionsOnce() {
        String report = CensusCommand.commandLine(80).getSubcommands().get("report").getUsageMessage();

        assertThat(report).contains("--outbox=(list|pause|resume|export FILE)").doesNotContain("[list|pause");
    }

    @Test
    void theWidthIsTheTerminalsOrColumnsOrEighty() {
        assertThat(CensusCommand.usageWidth("120")).isEqualTo(120);
        assertThat(CensusCommand.usageWidth(null)).isEqualTo(80);
        assertThat(CensusCommand.usageWidth("wide")).isEqualTo(80);
        assertThat(CensusCommand.usageWidth("20")).isEqualTo(55);
    }

    @Test
    void theVersionIsTheBuildsVersion() {
        CapturedCli cli = new CapturedCli();

        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out().strip()).isEqualTo("census " + CensusServer.VERSION).matches("census \\d+\\.\\d+\\.\\d+.*");
    }

    private static List<String> usages(CommandLine root) {
        List<String> usages = new ArrayList<>();
        walk(root, command -> usages.add(command.getUsageMessage()));
        return usages;
    }

    private static void walk(CommandLine command, java.util.function.Consumer<CommandLine> visit) {
        visit.accept(command);
        command.getSubcommands().values().forEach(subcommand -> walk(subcommand, visit));
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(text.strip().split("\\s+")).map(Function.identity()).toList();
    }
}
