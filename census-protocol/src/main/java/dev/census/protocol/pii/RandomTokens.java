package dev.census.protocol.pii;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Tells a random token (a key or password) from the long strings that are not secrets.
 *
 * <p>A token of at least {@value #MIN_LENGTH} characters is random when it holds a run of
 * {@value #MIN_LENGTH} or more hex digits mixing digits and letters (a hex key or digest); or when
 * it mixes at least two of upper case, lower case and digits, has a Shannon entropy of at least
 * {@value #MIN_ENTROPY} bits per character, and is not word-like.
 *
 * <p>Word-like is measured by how often the character class changes between neighbours, not
 * counting a single upper-case letter followed by lower case (the start of a capitalised word): in a
 * random base-62 token about 45% of neighbours change class, in {@code python3_django42} or
 * {@code HttpServletRequestWrapper2} only the word boundaries do. A token changing class rarely
 * ({@value #WORD_TRANSITIONS}) is word-like; one changing seldom ({@value #WORDISH_TRANSITIONS}) is
 * word-like when its letters carry vowels as words do (about 38% in English, 23% in random
 * mixed-case letters). A word-like token also stacks at most {@value #WORD_CONSONANTS}
 * consonants (one more when it changes class rarely: words run together, {@code flagstls}), where
 * random letters often stack more.
 *
 * <p>Base64 keys with an inner {@code /} or {@code +} (AWS secret keys) are random when they mix
 * all three classes with high entropy, whatever their word-likeness, because paths and
 * identifiers do not mix all three classes around slashes.
 *
 * <p>Architecture and C library names mix letters and digits the way keys do, and Python's platform
 * string strings them together ({@code x86_64-x86_64-with-glibc2}); they are read as words, not
 * counted towards a token.
 */
final class RandomTokens {

    static final int MIN_LENGTH = 20;
    /** Letters and digits needed besides separators such as {@code +/-_}. */
    private static final int MIN_ALNUM = 16;
    /** Words rarely stack more consonants ("strengths" has four); random letters often do. */
    private static final int WORD_CONSONANTS = 4;
    static final double MIN_ENTROPY = 3.2;
    /** At most one change per ten neighbours: a name with a number at one end ({@code pluginsnetwork51}). */
    static final double NAME_WITH_NUMBER_TRANSITIONS = 0.10;
    static final double WORD_TRANSITIONS = 0.15;
    static final double WORDISH_TRANSITIONS = 0.25;
    private static final double WORD_VOWELS = 0.25;
    private static final double HEX_MIN_ENTROPY = 2.7;
    private static final double BASE64_MIN_ENTROPY = 4.2;
    private static final int BASE64_MIN_LENGTH = 30;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX_RUN = Pattern.compile("[0-9a-fA-F]{" + MIN_LENGTH + ",}+");
    private static final Pattern PLATFORM_WORDS = Pattern.compile(
            "(?i)x86[_-]64|amd64|aarch64|arm64|ppc64(?:le)?|s390x|i[3-6]86|riscv64|armv\\d+\\w?|glibc\\d*|musl");
    private static final Pattern BASE64_WITH_SYMBOLS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+/]*[+/][A-Za-z0-9+/]*");

    private static final int UPPER = 0;
    private static final int LOWER = 1;
    private static final int DIGIT = 2;

    private RandomTokens() {
    }

    static boolean looksRandom(String token) {
        String t = PLATFORM_WORDS.matcher(stripPadding(token)).replaceAll("-");
        if (t.length() < MIN_LENGTH || UUID.matcher(t).matches()) {
            return false;
        }
        return hasHexKey(t) || isBase64Key(t) || mixesClassesRandomly(t);
    }

    private static boolean hasHexKey(String t) {
        var hex = HEX_RUN.matcher(t);
        while (hex.find()) {
            String run = hex.group();
            if (count(run, Character::isDigit) > 0 && count(run, Character::isLetter) > 0 && entropy(run) >= HEX_MIN_ENTROPY) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBase64Key(String t) {
        return t.length() >= BASE64_MIN_LENGTH && BASE64_WITH_SYMBOLS.matcher(t).matches()
                && count(t, Character::isUpperCase) > 0 && count(t, Character::isLowerCase) > 0
                && count(t, Character::isDigit) > 0 && entropy(t) >= BASE64_MIN_ENTROPY;
    }

    private static boolean mixesClassesRandomly(String t) {
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int vowels = 0;
        int pairs = 0;
        int transitions = 0;
        int previous = -1;
        int upperRun = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int cls = classOf(c);
            if (cls < 0) {
                previous = -1;
                upperRun = 0;
                continue;
            }
            switch (cls) {
                case UPPER -> upper++;
                case LOWER -> lower++;
                default -> digits++;
            }
            if ("aeiouyAEIOUY".indexOf(c) >= 0) {
                vowels++;
            }
            if (previous >= 0) {
                pairs++;
                boolean capitalisedWord = previous == UPPER && cls == LOWER && upperRun == 1;
                if (previous != cls && !capitalisedWord) {
                    transitions++;
                }
            }
            upperRun = cls == UPPER ? upperRun + 1 : 0;
            previous = cls;
        }
        int classes = (upper > 0 ? 1 : 0) + (lower > 0 ? 1 : 0) + (digits > 0 ? 1 : 0);
        if (upper + lower + digits < MIN_ALNUM || classes < 2 || pairs == 0 || entropy(t) < MIN_ENTROPY) {
            return false;
        }
        double transitionRate = (double) transitions / pairs;
        int letters = upper + lower;
        double vowelRate = letters == 0 ? 0 : (double) vowels / letters;
        int consonants = longestConsonantRun(t);
        boolean wordLike = transitionRate < NAME_WITH_NUMBER_TRANSITIONS
                || (transitionRate < WORD_TRANSITIONS && consonants <= WORD_CONSONANTS + 1)
                || (transitionRate < WORDISH_TRANSITIONS && vowelRate >= WORD_VOWELS && consonants <= WORD_CONSONANTS);
        return !wordLike;
    }

    private static int classOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return UPPER;
        }
        if (c >= 'a' && c <= 'z') {
            return LOWER;
        }
        return c >= '0' && c <= '9' ? DIGIT : -1;
    }

    /**
     * The longest run of consonants, where a run also ends where a capitalised word starts
     * ({@code HttpServlet} has runs "Http" and "S", {@code HTTPResponse} "HTTP" and "R").
     */
    static int longestConsonantRun(String t) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean wordStart = i > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(t.charAt(i - 1))
                            || (i + 1 < t.length() && Character.isLowerCase(t.charAt(i + 1))));
            if (!letter || "aeiouyAEIOUY".indexOf(c) >= 0) {
                run = 0;
            } else {
                run = wordStart ? 1 : run + 1;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    /** Shannon entropy of the text in bits per character. */
    static double entropy(String text) {
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < text.length(); i++) {
            counts.merge(text.charAt(i), 1, Integer::sum);
        }
        double n = text.length();
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / n;
            bits -= p * Math.log(p);
        }
        return bits / Math.log(2);
    }

    private static long count(String s, IntPredicate predicate) {
        return s.chars().filter(predicate).count();
    }

    private static String stripPadding(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        return token.substring(0, end);
    }
}
