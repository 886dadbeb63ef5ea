package dev.census.protocol.pii;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers shared by the detectors: regex search with a check, and character classes. */
final class Spans {

    private Spans() {
    }

    /** The first match of the pattern that also passes the check, as a finding of the kind. */
    static Optional<PiiFinding> firstMatch(PiiKind kind, Pattern pattern, String text, Predicate<Matcher> check) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (check.test(m)) {
                return Optional.of(new PiiFinding(kind, m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    static Optional<PiiFinding> firstMatch(PiiKind kind, Pattern pattern, String text) {
        return firstMatch(kind, pattern, text, m -> true);
    }

    /** Which characters make up a run. */
    interface CharClass {
        boolean contains(char c);
    }

    /** What a run of characters at {@code [start, end)} is, if it is a finding. */
    interface RunCheck {
        Optional<PiiFinding> check(int start, int end);
    }

    /** The first finding among the maximal runs of the character class in the text, in order. */
    static Optional<PiiFinding> firstRun(String text, CharClass inRun, RunCheck check) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!inRun.contains(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && inRun.contains(text.charAt(i))) {
                i++;
            }
            Optional<PiiFinding> finding = check.check(start, i);
            if (finding.isPresent()) {
                return finding;
            }
        }
        return Optional.empty();
    }

    static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the text holds at least {@code atLeast} ASCII digits: a cheap test before a detector of long numbers. */
    static boolean hasDigits(String text, int atLeast) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < atLeast; i++) {
            if (isAsciiDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits >= atLeast;
    }

    /** The ASCII digits of the text, in order. */
    static String digitsOf(CharSequence text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (isAsciiDigit(text.charAt(i))) {
                digits.append(text.charAt(i));
            }
        }
        return digits.toString();
    }

    /** True when every group is a decimal number of 1-3 digits no greater than 255. */
    static boolean octets(String... groups) {
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 3 || Integer.parseInt(group) > 255) {
                return false;
            }
        }
        return true;
    }
}
