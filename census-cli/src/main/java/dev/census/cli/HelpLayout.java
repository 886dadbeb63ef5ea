package dev.census.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Help as wide as the terminal, wrapped only at spaces. Picocli wraps at any line-break opportunity
 * (after a dot, a comma, a question mark), which cut tokens such as {@code ./census-data},
 * {@code metrics/<product>/<name>.yaml} or a URL in two; here picocli lays each section out
 * unwrapped and this class wraps it, keeping picocli's columns and hanging indents.
 */
final class HelpLayout {

    /** Picocli's width: wide enough that it never wraps itself. */
    private static final int UNWRAPPED = 10_000;
    /** An option or command row: its name, two or more spaces, its description. */
    private static final Pattern ROW = Pattern.compile("^(\\s*\\S.*?)( {2,})(\\S)");
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z][a-z-]*");

    private HelpLayout() {
    }

    /** Lays out the help of the command and every subcommand at {@code width} columns, without colours. */
    static CommandLine apply(CommandLine commandLine, int width) {
        commandLine.setUsageHelpWidth(UNWRAPPED);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        wrapSections(commandLine, width);
        return commandLine;
    }

    private static void wrapSections(CommandLine commandLine, int width) {
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
        commandLine.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS)
                ? help -> synopsis(help.synopsisHeading(), renderer.render(help), width)
                : help -> wrap(renderer.render(help), width)));
        commandLine.setHelpSectionMap(sections); // picocli gives the same map to every subcommand
    }

    /** The synopsis follows its heading ("Usage: ") on the same line: wrapped together, continued under the options. */
    private static String synopsis(String heading, String synopsis, int width) {
        String line = synopsis.stripTrailing();
        int indent = heading.length();
        for (String word : line.split(" ")) {
            if (!COMMAND_NAME.matcher(word).matches()) {
                break;
            }
            indent += word.length() + 1;
        }
        return wrapLine(heading + line, width, indent, indent).substring(heading.length()) + synopsis.substring(line.length());
    }

    /**
     * Wraps every line longer than {@code width} at spaces, continuing a row two columns right of where
     * the section's descriptions start; a single longer token stays whole on its line.
     */
    static String wrap(String text, int width) {
        String[] lines = text.split("\n", -1);
        int column = descriptionColumn(lines);
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int leading = leading(line);
            boolean row = column > 0 && line.length() > column;
            int indent = row ? column + 2 : leading == 0 ? 0 : leading + 2;
            out.append(i == 0 ? "" : "\n").append(wrapLine(line, width, indent, row ? column : leading + 1));
        }
        return out.toString();
    }

    /** Where the descriptions of a section's rows start: the most common column after a row's name and its gap; -1 without rows. */
    private static int descriptionColumn(String[] lines) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                counts.merge(row.start(3), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
    }

    private static String wrapLine(String line, int width, int indent, int firstBreak) {
        StringBuilder out = new StringBuilder();
        String rest = line;
        int minBreak = firstBreak;
        while (rest.length() > width) {
            int at = rest.lastIndexOf(' ', width);
            if (at < minBreak) {
                at = rest.indexOf(' ', Math.max(width, minBreak));
            }
            if (at < minBreak || rest.substring(at).isBlank()) {
                break;
            }
            out.append(rest, 0, at).append('\n');
            rest = " ".repeat(indent) + rest.substring(at).stripLeading();
            minBreak = indent;
        }
        return out.append(rest).toString();
    }

    private static int leading(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }
}
