package dev.census.protocol.pii;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds host names and fully qualified domain names in the short strings Census carries.
 *
 * <p>A dotted word is a host when it is a valid domain (labels of letters, digits, {@code -} and
 * {@code _}; an alphabetic top label) whose top label is one hosts end in ({@link DomainNames}),
 * and when it is not one of the dotted things that look alike:
 * <ul>
 *   <li>a version: every label before the last is a number, or a number with a short suffix
 *       ({@code 3.22.0.dev}, {@code v1.0.0rc1.dev});</li>
 *   <li>a reverse-DNS package name: it starts with {@code com.}, {@code org.}, {@code java.} and the
 *       like ({@code org.apache.commons.io});</li>
 *   <li>a file name or dotted name of two labels ending in a country code that is also a file
 *       extension or a unit ({@code setup.py}, {@code latency.ms}, {@code disk.io}).</li>
 * </ul>
 * It also finds the {@code pid@host} worker names of Pulp and Celery ({@code 1234@pulp-worker-1}),
 * the exact leak the working group found in Pulp's status data. A single-label host name
 * ({@code db01}) cannot be told from an enum value; the registry's allowed values and the "other"
 * bucket for unknown component names are the defence there.
 */
final class HostnameDetector implements PiiDetector {

    private static final Pattern VERSION_LABEL = Pattern.compile("[vV]?\\d{1,9}(?:[A-Za-z]{1,5}\\d{0,9})?");
    private static final Pattern WORKER_NAME = Pattern.compile(
            "(?<![\\w.@-])\\d{1,10}@([A-Za-z0-9_][A-Za-z0-9_-]{0,62}+)(?![\\w@])");
    private static final Set<String> PACKAGE_ROOTS = Set.of("com", "org", "net", "java", "javax", "jakarta", "android",
            "androidx", "kotlin", "kotlinx", "scala", "sun", "jdk");

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('@') < 0) {
            return Optional.empty();
        }
        Optional<PiiFinding> dotted = Spans.firstRun(text, HostnameDetector::inRun, (start, end) -> {
            while (end > start && text.charAt(end - 1) == '.') {
                end--;
            }
            return end > start && isHostName(text.substring(start, end))
                    ? Optional.of(new PiiFinding(PiiKind.HOSTNAME, start, end)) : Optional.empty();
        });
        if (dotted.isPresent()) {
            return dotted;
        }
        if (text.indexOf('@') < 0) {
            return Optional.empty();
        }
        return Spans.firstMatch(PiiKind.HOSTNAME, WORKER_NAME, text, m -> m.group(1).chars().anyMatch(Character::isLetter));
    }

    private static boolean inRun(char c) {
        return Spans.isWordChar(c) || c == '.' || c == '-';
    }

    /** Whether a dotted word (no surrounding dots) reads as a host name rather than a version, package or file. */
    static boolean isHostName(String word) {
        if (!DomainNames.isDomain(word)) {
            return false;
        }
        String[] labels = word.split("\\.");
        String top = labels[labels.length - 1].toLowerCase(Locale.ROOT);
        if (!DomainNames.HOST_TOP_LABELS.contains(top)) {
            return false;
        }
        if (labels.length == 2 && DomainNames.TWO_LABEL_LOOKALIKES.contains(top)) {
            return false;
        }
        if (PACKAGE_ROOTS.contains(labels[0].toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 0; i < labels.length - 1; i++) {
            if (!VERSION_LABEL.matcher(labels[i]).matches()) {
                return true;
            }
        }
        return false;
    }
}
