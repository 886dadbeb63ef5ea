package dev.census.sdk;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A minimal stand-in for the protocol's PII detectors, covering the obvious cases, until
 * {@code dev.census.protocol.pii.PiiDetectors} is wired in through {@link PiiCheck#standard()}.
 */
enum InterimPiiCheck implements PiiCheck {
    INSTANCE;

    private record Rule(String name, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("email", Pattern.compile("[^\\s@]+@[^\\s@]+\\.[a-zA-Z]{2,}")),
            new Rule("url-credentials", Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:[^/\\s@]*@")),
            new Rule("ipv4", Pattern.compile("(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\d.])")),
            new Rule("ipv6", Pattern.compile("(?i)(?<![0-9a-f:])(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}(?![0-9a-f:])")),
            new Rule("mac", Pattern.compile("(?i)(?<![0-9a-f])(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}(?![0-9a-f])")),
            new Rule("home-path", Pattern.compile("(?:/home/|/Users/|[A-Za-z]:\\\\Users\\\\)[^/\\\\\\s]+")),
            new Rule("secret", Pattern.compile("[A-Za-z0-9+/_-]{32,}")));

    @Override
    public Optional<String> firstMatch(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                return Optional.of(rule.name());
            }
        }
        return Optional.empty();
    }
}
