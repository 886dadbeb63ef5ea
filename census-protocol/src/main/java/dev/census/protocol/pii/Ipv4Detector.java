package dev.census.protocol.pii;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds IPv4 addresses: four dot-separated decimal octets no greater than 255, standing alone (so
 * {@code 1.2.3.4.5}, {@code v1.2.3.4} and {@code 1.2.3.4-SNAPSHOT}, {@code 1.2.3.4-1.el8} are versions, while
 * {@code 10.0.0.1-10.0.0.9} is a range of addresses), and the
 * {@code ip-10-0-0-1} form of cloud host names that spell out a private address.
 *
 * <p>A bare four-number version whose numbers are all at most 255 ({@code 17.0.4.1}) cannot be told
 * from an address and is treated as one: privacy wins over a lost data point.
 */
final class Ipv4Detector implements PiiDetector {

    private static final String QUAD = "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}";
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(?<![\\w.+-])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\w+~]|\\.\\w|-(?!" + QUAD + "))");
    private static final Pattern DASHED_HOST = Pattern.compile(
            "(?i)(?<![\\w-])ip-(\\d{1,3})-(\\d{1,3})-(\\d{1,3})-(\\d{1,3})(?!\\w|-\\d)");

    @Override
    public Optional<PiiFinding> scan(String text) {
        for (Pattern pattern : new Pattern[] {DOTTED_QUAD, DASHED_HOST}) {
            Optional<PiiFinding> finding = Spans.firstMatch(PiiKind.IPV4, pattern, text,
                    m -> Spans.octets(m.group(1), m.group(2), m.group(3), m.group(4)));
            if (finding.isPresent()) {
                return finding;
            }
        }
        return Optional.empty();
    }
}
