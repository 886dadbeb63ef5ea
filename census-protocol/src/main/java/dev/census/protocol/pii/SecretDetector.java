package dev.census.protocol.pii;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds keys, tokens and passwords three ways: well-known key formats (AWS, GitHub, GitLab, Slack,
 * Stripe, Google, JWTs, PEM private keys); credential assignments ({@code password=hunter2}); and
 * long random-looking tokens (see {@link RandomTokens}). Canonical UUIDs, version strings, numbers
 * and identifiers made of words do not trip it.
 */
final class SecretDetector implements PiiDetector {

    private static final Pattern KNOWN_FORMAT = Pattern.compile(
            "(?<![A-Za-z0-9])(?:"
                    + "(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}"
                    + "|gh[pousr]_[A-Za-z0-9]{30,}"
                    + "|github_pat_[A-Za-z0-9_]{22,}"
                    + "|glpat-[A-Za-z0-9_-]{20,}"
                    + "|xox[abposr]-[A-Za-z0-9-]{10,}"
                    + "|sk-[A-Za-z0-9_-]{20,}"
                    + "|[spr]k_(?:live|test)_[A-Za-z0-9]{16,}"
                    + "|AIza[0-9A-Za-z_-]{35}"
                    + "|npm_[A-Za-z0-9]{36}"
                    + "|eyJ[A-Za-z0-9_-]{8,}+\\.eyJ[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]*+"
                    + ")"
                    + "|-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----");

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,40}?"
                    + "(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)"
                    + "\\s*+[=:]\\s*+[\"']?([^\\s\"',;&]{1,200}+)");

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)true|false|null|none|nil|yes|no|on|off|enabled|disabled|required|optional|redacted|\\[redacted]|"
                    + "[*x.•]+|<[^>]*>?|\\$\\{?.*|%[^%]*%?|\\{\\{.*|\\(.*\\)?|\\.\\.\\.");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_=-]{20,}+");

    /** The shortest known format: {@code xoxb-} and ten characters. */
    private static final int MIN_KNOWN_FORMAT = 15;

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (text.length() >= MIN_KNOWN_FORMAT) {
            Optional<PiiFinding> known = Spans.firstMatch(PiiKind.SECRET, KNOWN_FORMAT, text);
            if (known.isPresent()) {
                return known;
            }
        }
        if (text.indexOf('=') >= 0 || text.indexOf(':') >= 0) {
            Optional<PiiFinding> assigned = Spans.firstMatch(PiiKind.SECRET, ASSIGNMENT, text,
                    m -> !PLACEHOLDER.matcher(m.group(1)).matches());
            if (assigned.isPresent()) {
                return assigned;
            }
        }
        if (text.length() < RandomTokens.MIN_LENGTH) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (RandomTokens.looksRandom(m.group())) {
                return Optional.of(new PiiFinding(PiiKind.SECRET, m.start(), m.end()));
            }
        }
        return Optional.empty();
    }
}
