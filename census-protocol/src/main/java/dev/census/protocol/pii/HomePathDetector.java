package dev.census.protocol.pii;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds home-directory paths that name a user: {@code /home/bob}, {@code /Users/bob},
 * {@code C:\Users\bob}, {@code ~bob/}. Paths without a name ({@code ~/.config}, {@code $HOME},
 * {@code /home/$USER}) and shared profiles ({@code C:\Users\Public}) are not personal.
 */
final class HomePathDetector implements PiiDetector {

    private static final String NAME = "([A-Za-z0-9_][A-Za-z0-9._-]{0,63}+)(?![A-Za-z0-9._$%{}<>*-])";
    private static final Pattern UNIX = Pattern.compile(
            "(?<![\\w.~-])(?:/var|/export|/usr|/mnt/[a-z])?/(?:home|Users)/" + NAME);
    private static final Pattern WINDOWS = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])[a-z]:[\\\\/]++(?:users|documents and settings)[\\\\/]++" + NAME);
    private static final Pattern TILDE_USER = Pattern.compile("(?<![\\w~/.-])~([A-Za-z_][A-Za-z0-9_-]{0,31}+)/");

    /** Profiles that belong to no person. */
    private static final Set<String> SHARED = Set.of("public", "default", "default user", "all users", "all",
            "shared", "defaultapppool", "linuxbrew");

    private static final Pattern[] PATTERNS = {UNIX, WINDOWS, TILDE_USER};

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (text.indexOf('/') < 0 && text.indexOf('\\') < 0) {
            return Optional.empty();
        }
        for (Pattern pattern : PATTERNS) {
            Optional<PiiFinding> finding = Spans.firstMatch(PiiKind.HOME_PATH, pattern, text, HomePathDetector::personal);
            if (finding.isPresent()) {
                return finding;
            }
        }
        return Optional.empty();
    }

    private static boolean personal(Matcher m) {
        return !SHARED.contains(m.group(1).toLowerCase(Locale.ROOT));
    }
}
