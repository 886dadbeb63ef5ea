package dev.census.protocol.pii;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a domain name looks like, and which top-level labels make a dotted word a plausible host:
 * the country codes, the original generic domains, a few popular new ones, and the private-use
 * names that internal networks actually use ({@code .local}, {@code .internal}, {@code .corp}).
 * New generic domains that are ordinary English words ({@code .systems}, {@code .online}) are left
 * out on purpose: they end many dotted metric names and would make those look like hosts.
 */
final class DomainNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern TOP_LABEL = Pattern.compile("[A-Za-z]{2,24}");

    /** Top-level labels a host name may end in. */
    static final Set<String> HOST_TOP_LABELS = hostTopLabels();

    /**
     * Country codes that are also file extensions or unit and word suffixes: {@code setup.py},
     * {@code README.md}, {@code main.tf}, {@code latency.ms}, {@code disk.gb}, {@code disk.io},
     * {@code user.id}. A two-label word ending in one is read as a file or a dotted name; with three
     * or more labels ({@code db01.acme.io}) it is still a host.
     */
    static final Set<String> TWO_LABEL_LOOKALIKES = Set.of(
            "py", "sh", "md", "rs", "so", "cc", "pl", "pm", "ml", "mk", "am", "in", "ps", "ai", "cr", "gs", "sc", "tf",
            "sv", "mo", "gd", "as", "cl", "mm", "vi", "hs", "cs", "ts", "js",
            "ms", "gb", "km", "kg", "cm", "hr", "pt", "id", "by", "io", "to", "at", "is", "it", "me", "no", "do", "my",
            "example");

    private DomainNames() {
    }

    /** Whether the text is a syntactically valid domain of two or more labels with an alphabetic top label. */
    static boolean isDomain(String text) {
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        if (labels.length < 2 || !TOP_LABEL.matcher(labels[labels.length - 1]).matches()) {
            return false;
        }
        for (int i = 0; i < labels.length - 1; i++) {
            if (!LABEL.matcher(labels[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    static String trimDots(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '.') {
            end--;
        }
        return text.substring(0, end);
    }

    private static Set<String> hostTopLabels() {
        Set<String> labels = new HashSet<>();
        for (String country : Locale.getISOCountries()) {
            labels.add(country.toLowerCase(Locale.ROOT));
        }
        labels.addAll(Set.of("uk", "eu", "ac", "su"));
        labels.addAll(Set.of("com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi",
                "aero", "coop", "jobs", "museum", "travel", "asia", "tel"));
        labels.addAll(Set.of("app", "dev", "cloud", "tech", "xyz"));
        labels.addAll(Set.of("local", "localdomain", "localhost", "lan", "home", "internal", "intranet", "corp", "private",
                "priv", "arpa", "test", "example"));
        return Set.copyOf(labels);
    }
}
