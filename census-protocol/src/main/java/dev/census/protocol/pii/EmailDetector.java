package dev.census.protocol.pii;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses: a local part, {@code @}, and a domain of at least two labels ending in an
 * alphabetic top-level label. Package specifiers such as {@code lodash@4.17.21} end in a number and
 * do not trip it.
 */
final class EmailDetector implements PiiDetector {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}+@([A-Za-z0-9.-]{1,253}+)");

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (text.indexOf('@') < 0) {
            return Optional.empty();
        }
        return Spans.firstMatch(PiiKind.EMAIL, EMAIL, text, m -> DomainNames.isDomain(DomainNames.trimDots(m.group(1))));
    }
}
