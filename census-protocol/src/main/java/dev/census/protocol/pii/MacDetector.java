package dev.census.protocol.pii;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds MAC addresses: six (EUI-48) or eight (EUI-64) hex pairs separated consistently by
 * {@code :} or {@code -}, and the dotted form {@code 001a.2b3c.4d5e}. The dotted form must hold a
 * hex letter, since {@code 2024.1003.0001} is a calendar version.
 */
final class MacDetector implements PiiDetector {

    /** The dotted form, {@code 001a.2b3c.4d5e}, is the shortest. */
    private static final int SHORTEST = 14;
    private static final String HEX2 = "[0-9A-Fa-f]{2}";
    private static final Pattern SEPARATED = Pattern.compile(
            "(?<![0-9A-Fa-f:.-])" + HEX2 + "([:-])(?:" + HEX2 + "\\1){4}" + HEX2
                    + "(?:\\1" + HEX2 + "\\1" + HEX2 + ")?(?![0-9A-Fa-f:-]|\\.\\w)");
    private static final Pattern DOTTED = Pattern.compile(
            "(?<![\\w.])[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}(?![\\w]|\\.\\w)");

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (text.length() < SHORTEST) {
            return Optional.empty();
        }
        Optional<PiiFinding> separated = Spans.firstMatch(PiiKind.MAC, SEPARATED, text);
        if (separated.isPresent()) {
            return separated;
        }
        return Spans.firstMatch(PiiKind.MAC, DOTTED, text, m -> m.group().chars().anyMatch(Character::isLetter));
    }
}
