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
