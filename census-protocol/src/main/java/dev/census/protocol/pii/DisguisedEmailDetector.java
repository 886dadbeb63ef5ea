package dev.census.protocol.pii;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses written to slip past filters: {@code bob at example dot com},
 * {@code bob [at] example [dot] com}, {@code bob(at)example.com}, {@code bob{at}example{dot}org},
 * {@code bob@example dot com}. The "at" may be bracketed ({@code [at]}, {@code (at)}, {@code {at}},
 * {@code <at>}), spelled out between spaces, or an {@code @}; each dot may be bracketed, spelled
 * out or a real dot. Something must be disguised, and a spelled-out " at " or a real {@code @}
 * needs a disguised dot too ({@code worker at db01.example.com} is a host name, found as such).
 * The domain must end in a label hosts end in ({@link DomainNames}), so {@code look at it dot net}
 * is an address while {@code runs at boot dot time} is not.
 */
final class DisguisedEmailDetector implements PiiDetector {

    private static final String OPEN = "[\\[({<]";
    private static final String CLOSE = "[\\])}>]";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String DOT = "(?:\\s*" + OPEN + "\\s*(?:dot|\\.)\\s*" + CLOSE + "\\s*|\\s+dot\\s+|\\.)";
    private static final Pattern ADDRESS = Pattern.compile("(?i)(?<![\\w.%+-])[\\w.%+-]{1,64}+"
            + "(\\s*" + OPEN + "\\s*at\\s*" + CLOSE + "\\s*|\\s+at\\s+|\\s*@\\s*)"
            + "(" + LABEL + "(?:" + DOT + LABEL + ")+)(?![\\w-])");
    private static final Pattern DISGUISED_DOT = Pattern.compile("(?i)" + OPEN + "\\s*(?:dot|\\.)\\s*" + CLOSE + "|\\s+dot\\s+");
    private static final Pattern ANY_DOT = Pattern.compile("(?i)" + DOT);

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (!mayHoldAnAt(text)) {
            return Optional.empty();
        }
        return Spans.firstMatch(PiiKind.DISGUISED_EMAIL, ADDRESS, text, DisguisedEmailDetector::disguisedAddress);
    }

    private static boolean disguisedAddress(Matcher m) {
        String at = m.group(1).strip();
        String domain = m.group(2);
        boolean bracketedAt = at.length() > 2;
        if (!bracketedAt && !DISGUISED_DOT.matcher(domain).find()) {
            return false;
        }
        String[] labels = ANY_DOT.split(domain);
        return DomainNames.HOST_TOP_LABELS.contains(labels[labels.length - 1].toLowerCase(Locale.ROOT));
    }

    /** A cheap test before the pattern: an {@code @}, or the letters "at" in either case. */
    private static boolean mayHoldAnAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || ((c == 'a' || c == 'A') && i + 1 < text.length()
                    && (text.charAt(i + 1) == 't' || text.charAt(i + 1) == 'T'))) {
                return true;
            }
        }
        return false;
    }
}
