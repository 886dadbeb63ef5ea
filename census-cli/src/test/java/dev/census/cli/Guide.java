package dev.census.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown guide as its test runs it: its shell and Java blocks and its check points, in order,
 * without the blocks marked {@code <!-- guide-test: skip -->}.
 */
final class Guide {

    /** What the test does at one point of the guide. */
    enum Kind { SHELL, JAVA, DASHBOARD }

    /** One thing to do; {@code text} is a block's content, without its fence or indentation. */
    record Step(Kind kind, String text) {
    }

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
    private static final String SKIP = "<!-- guide-test: skip -->";
    private static final String DASHBOARD = "<!-- guide-test: dashboard -->";

    private Guide() {
    }

    static List<Step> steps(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Step> steps = new ArrayList<>();
        boolean skipNext = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals(SKIP)) {
                skipNext = true;
            } else if (line.strip().equals(DASHBOARD)) {
                steps.add(new Step(Kind.DASHBOARD, ""));
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                continue;
            }
            int indent = fence.group(1).length();
            StringBuilder block = new StringBuilder();
            for (i++; !lines.get(i).strip().equals("```"); i++) {
                String content = lines.get(i);
                block.append(content.length() >= indent ? content.substring(indent) : content.strip()).append('\n');
            }
            Kind kind = switch (fence.group(2)) {
                case "sh" -> Kind.SHELL;
                case "java" -> Kind.JAVA;
                default -> null;
            };
            if (kind != null && !skipNext) {
                steps.add(new Step(kind, block.toString()));
            }
            skipNext = false;
        }
        return steps;
    }
}
