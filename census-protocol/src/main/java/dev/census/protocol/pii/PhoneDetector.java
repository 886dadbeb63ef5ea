package dev.census.protocol.pii;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds telephone numbers written as people write them:
 * <ul>
 *   <li>international: {@code +} (or {@code 00}) and a country code, compact E.164
 *       ({@code +14155550100}) or in groups ({@code +1 (415) 555-0100}, {@code +44 (0)20 7946 0958},
 *       {@code 0049 30 901820}); 8 to 15 digits;</li>
 *   <li>North American: {@code (415) 555-0100}, {@code 415-555-0100}, {@code 415.555.0100},
 *       {@code 1-800-555-0199}, where area code and exchange start with 2 to 9;</li>
 *   <li>national with a trunk {@code 0} and separators: {@code 020 7946 0958}, {@code 030 901820},
 *       {@code 06 12 34 56 78}, {@code (0171) 1234567}; 9 to 12 digits.</li>
 * </ul>
 * A bare run of digits is a count, not a phone number, whatever its length; so are numbers grouped
 * in threes. Dates ({@code 05.03.2024 10:30}), versions and decimals ({@code +1234.5678}) are not
 * numbers to call.
 */
final class PhoneDetector implements PiiDetector {

    static final int MIN_DIGITS = 8;
    private static final int MAX_INTERNATIONAL = 15;
    private static final int MIN_NATIONAL = 9;
    private static final int MAX_NATIONAL = 12;

    private static final String BEFORE = "(?<![\\w+.,/-]|\\d[ ()])";
    private static final String AFTER = "(?![\\w]|[ .,/-]\\d)";
    private static final String SEP = "[ .-]";
    private static final String GROUPED = "(?:" + SEP + "?\\(\\d{1,4}\\)" + SEP + "?\\d{1,8}|" + SEP + "\\d{1,8})";
    /** {@code +} and digits, compact or grouped; {@code 00} only grouped, as zero-padded numbers are common. */
    private static final Pattern INTERNATIONAL = Pattern.compile(BEFORE
            + "(?:\\+[1-9]\\d{0,3}(?:" + GROUPED + "|\\d{4,11})|00[1-9]\\d{0,3}" + GROUPED + ")"
            + "(?:" + SEP + "\\d{1,8}){0,5}" + AFTER);
    private static final Pattern NORTH_AMERICAN = Pattern.compile(BEFORE
            + "(?:1[ .-])?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}" + SEP + ")[2-9]\\d{2}" + SEP + "\\d{4}" + AFTER);
    private static final Pattern TRUNK = Pattern.compile(BEFORE
            + "(?:\\(0[1-9]\\d{0,3}\\) ?|0[1-9]\\d{0,3}[ ./-])\\d{2,8}(?:" + SEP + "\\d{2,8}){0,4}" + AFTER);
    /** A date at the start of a match, {@code 2024-01-15} or {@code 15.01.2024}, perhaps with a time after it. */
    private static final Pattern DATE = Pattern.compile(
            "\\+?(?:(?:19|20)\\d{2}([./-])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([./-])\\d{1,2}\\2(?:19|20)\\d{2})(?:\\D.*)?");

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (!Spans.hasDigits(text, MIN_DIGITS)) {
            return Optional.empty();
        }
        Optional<PiiFinding> international = Spans.firstMatch(PiiKind.PHONE, INTERNATIONAL, text, PhoneDetector::international);
        if (international.isPresent()) {
            return international;
        }
        Optional<PiiFinding> northAmerican = Spans.firstMatch(PiiKind.PHONE, NORTH_AMERICAN, text);
        if (northAmerican.isPresent()) {
            return northAmerican;
        }
        return Spans.firstMatch(PiiKind.PHONE, TRUNK, text, PhoneDetector::national);
    }

    private static boolean international(Matcher m) {
        String number = m.group();
        int digits = Spans.digitsOf(number).length() - (number.startsWith("00") ? 2 : 0);
        boolean onlyDots = number.indexOf(' ') < 0 && number.indexOf('-') < 0 && number.indexOf('(') < 0;
        boolean decimal = onlyDots && number.chars().filter(c -> c == '.').count() == 1;
        return digits >= MIN_DIGITS && digits <= MAX_INTERNATIONAL && !decimal && !DATE.matcher(number).matches();
    }

    private static boolean national(Matcher m) {
        String number = m.group();
        int digits = Spans.digitsOf(number).length();
        return digits >= MIN_NATIONAL && digits <= MAX_NATIONAL && !DATE.matcher(number).matches();
    }
}
