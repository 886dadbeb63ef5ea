package dev.census.protocol.pii;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers of a fixed national shape.
 *
 * <ul>
 *   <li>US social security numbers {@code AAA-GG-SSSS} (dashes or spaces), without the numbers the
 *       Social Security Administration never issues: area {@code 000}, {@code 666} or
 *       {@code 900}–{@code 999}, group {@code 00}, serial {@code 0000}. Nine bare digits are a count.</li>
 *   <li>IBANs: a country code, two check digits and the country's account number, compact
 *       ({@code DE89370400440532013000}) or in the printed groups of four
 *       ({@code DE89 3704 0044 0532 0130 00}), exactly as long as the country's IBAN is and passing
 *       the ISO 7064 mod-97 check.</li>
 * </ul>
 */
final class NationalIdDetector implements PiiDetector {

    private static final Pattern SSN = Pattern.compile(
            "(?<![\\w.,+-]|\\d[ -])(\\d{3})([ -])(\\d{2})\\2(\\d{4})(?![\\w-]|[ .,]\\d)");

    /** IBAN length by country, from the SWIFT IBAN registry. */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25),
            Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33),
            Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    private static final int MIN_IBAN = 15;

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (Spans.hasDigits(text, 9)) {
            Optional<PiiFinding> ssn = Spans.firstMatch(PiiKind.NATIONAL_ID, SSN, text, NationalIdDetector::issuable);
            if (ssn.isPresent()) {
                return ssn;
            }
        }
        return text.length() >= MIN_IBAN ? iban(text) : Optional.empty();
    }

    private static boolean issuable(Matcher m) {
        int area = Integer.parseInt(m.group(1));
        return area != 0 && area != 666 && area < 900 && !m.group(3).equals("00") && !m.group(4).equals("0000");
    }

    private static Optional<PiiFinding> iban(String text) {
        int n = text.length();
        for (int i = 0; i + MIN_IBAN <= n; i++) {
            if ((i > 0 && Spans.isWordChar(text.charAt(i - 1))) || !Spans.isAsciiLetter(text.charAt(i))
                    || !Spans.isAsciiLetter(text.charAt(i + 1)) || !Spans.isAsciiDigit(text.charAt(i + 2))
                    || !Spans.isAsciiDigit(text.charAt(i + 3))) {
                continue;
            }
            Integer length = IBAN_LENGTHS.get(text.substring(i, i + 2).toUpperCase(Locale.ROOT));
            if (length == null) {
                continue;
            }
            int end = ibanEnd(text, i, length);
            if (end > 0) {
                return Optional.of(new PiiFinding(PiiKind.NATIONAL_ID, i, end));
            }
        }
        return Optional.empty();
    }

    /** The end of a valid IBAN of the given length starting at {@code start}, or -1. */
    private static int ibanEnd(String text, int start, int length) {
        StringBuilder compact = new StringBuilder(length);
        int pos = start;
        int n = text.length();
        while (compact.length() < length && pos < n) {
            char c = text.charAt(pos);
            if (Spans.isAsciiLetter(c) || Spans.isAsciiDigit(c)) {
                compact.append(c);
                pos++;
            } else if (c == ' ' && compact.length() % 4 == 0 && pos + 1 < n && Character.isLetterOrDigit(text.charAt(pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
        if (compact.length() != length || (pos < n && Spans.isWordChar(text.charAt(pos)))) {
            return -1;
        }
        return mod97(compact) == 1 ? pos : -1;
    }

    /** ISO 7064 MOD 97-10 of an IBAN: the first four characters moved to the end, letters as 10 to 35. */
    static int mod97(CharSequence iban) {
        int remainder = 0;
        for (int k = 0; k < iban.length(); k++) {
            char c = Character.toUpperCase(iban.charAt((k + 4) % iban.length()));
            int value = Spans.isAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (value < 10 ? remainder * 10 : remainder * 100) + value;
            remainder %= 97;
        }
        return remainder;
    }
}
