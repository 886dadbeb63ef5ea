package dev.census.protocol.pii;

import java.util.Optional;
import java.util.regex.Pattern;

/** Finds URLs whose authority carries user information: {@code scheme://user[:password]@host}. */
final class UrlCredentialsDetector implements PiiDetector {

    private static final Pattern URL_WITH_USERINFO =
            Pattern.compile("(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}+://[^\\s/?#@\\[\\]]++@(?=[^\\s@])");

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (text.indexOf('@') < 0 || !text.contains("://")) {
            return Optional.empty();
        }
        return Spans.firstMatch(PiiKind.URL_CREDENTIALS, URL_WITH_USERINFO, text);
    }
}
