package dev.census.protocol.pii;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers: 13 to 19 digits that pass the Luhn check and begin with the issuer
 * prefix of a card network at one of that network's lengths (Visa, Mastercard, American Express,
 * Diners Club, Discover, JCB, UnionPay, Maestro, Mir), written in the usual groups — fours
 * separated consistently by a space or a dash, the last group shorter ({@code 4111 1111 1111 1111},
 * {@code 4222-2222-2222-2}, up to 4-4-4-4-3), American Express's 4-6-5 and Diners Club's 4-6-4 —
 * or as one bare run of 13 to 16 digits. A short group after sixteen digits and before a slash is
 * the expiry date, not part of the number ({@code 4111 1111 1111 1111 12/27}).
 *
 * <p>A bare run of 17 to 19 digits is read as a number, not a card: 64-bit counters and IDs have 19
 * digits and one in ten passes Luhn. Digits touching a letter, a dot, a comma or a sign belong to
 * a version, a decimal or an identifier ({@code v0.0.0-20191109021931-daa7c04131f5}). The prefix
 * and length rule keeps round numbers and sizes out: 2^45 bytes, {@code 35184372088832}, passes
 * Luhn but is no card.
 */
final class PaymentCardDetector implements PiiDetector {

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;

    private static final Pattern CARD = Pattern.compile("(?<![\\w.,+-]|\\d[ -])(?:"
            + "\\d{4}([ -])\\d{4}\\1\\d{4}\\1(?:\\d{4}\\1\\d{1,3}(?!/)|\\d{1,4})"
            + "|\\d{4}([ -])\\d{6}\\2\\d{4,5}"
            + "|\\d{13,16})"
            + "(?![\\w-]|[.,]\\d)");

    /** An issuer prefix range (numbers of the same digit count) and the lengths its cards have. */
    private record Issuer(int low, int high, int minLength, int maxLength) {

        boolean issued(String digits) {
            int width = String.valueOf(low).length();
            int prefix = Integer.parseInt(digits.substring(0, width));
            return prefix >= low && prefix <= high && digits.length() >= minLength && digits.length() <= maxLength;
        }
    }

    private static final List<Issuer> ISSUERS = List.of(
            new Issuer(4, 4, 13, 13),            // Visa: 13, 16 and (some debit cards) 19 digits
            new Issuer(4, 4, 16, 16),
            new Issuer(4, 4, 19, 19),
            new Issuer(51, 55, 16, 16),          // Mastercard
            new Issuer(2221, 2720, 16, 16),      // Mastercard 2-series
            new Issuer(34, 34, 15, 15),          // American Express
            new Issuer(37, 37, 15, 15),
            new Issuer(300, 305, 14, 19),        // Diners Club
            new Issuer(36, 36, 14, 19),
            new Issuer(38, 39, 14, 19),
            new Issuer(6011, 6011, 16, 19),      // Discover
            new Issuer(644, 649, 16, 19),
            new Issuer(65, 65, 16, 19),
            new Issuer(3528, 3589, 16, 19),      // JCB
            new Issuer(62, 62, 16, 19),          // UnionPay
            new Issuer(2200, 2204, 16, 19),      // Mir
            new Issuer(50, 50, 13, 19),          // Maestro
            new Issuer(56, 58, 13, 19),
            new Issuer(63, 63, 13, 19),
            new Issuer(67, 67, 13, 19));

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (!Spans.hasDigits(text, MIN_DIGITS)) {
            return Optional.empty();
        }
        return Spans.firstMatch(PiiKind.PAYMENT_CARD, CARD, text, m -> isCardNumber(Spans.digitsOf(m.group())));
    }

    /** Whether the digits are a number some card network issues: its prefix, one of its lengths, Luhn. */
    static boolean isCardNumber(String digits) {
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return false;
        }
        for (Issuer issuer : ISSUERS) {
            if (issuer.issued(digits)) {
                return passesLuhn(digits);
            }
        }
        return false;
    }

    /** The Luhn (mod 10) check of ISO/IEC 7812: the check digit card numbers end in. */
    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
