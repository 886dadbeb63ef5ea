package dev.census.protocol.pii;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds IPv4 addresses: four dot-separated decimal octets no greater than 255, standing alone (so
 * {@code 1.2.3.4.5}, {@code v1.2.3.4} and {@code 1.2.3.4-SNAPSHOT}, {@code 1.2.3.4-1.el8} are versions, while
 * {@code 10.0.0.1-10.0.0.9} is a range of addresses), and the
 * {@code ip-10-0-0-1} form of cloud host names that spell out a private address.
 *
 * <p>In free text a bare four-number version whose numbers are all at most 255 ({@code 17.0.4.1})
 * cannot be told from an address and is treated as one: privacy wins over a lost data point. In a
 * component version ({@link #forVersions()}) a dotted quad is read as a version unless it is an
 * address no version would be and a private network uses: private ({@code 10/8},
 * {@code 172.16/12}, {@code 192.168/16}), shared carrier-grade NAT ({@code 100.64/10}), loopback
 * ({@code 127/8}) or link-local ({@code 169.254/16}).
 */
final class Ipv4Detector implements PiiDetector {

    /** {@code 0.0.0.0} is the shortest. */
    private static final int SHORTEST = 7;
    private static final String QUAD = "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}";
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(?<![\\w.+-])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\w+~]|\\.\\w|-(?!" + QUAD + "))");
    private static final Pattern DASHED_HOST = Pattern.compile(
            "(?i)(?<![\\w-])ip-(\\d{1,3})-(\\d{1,3})-(\\d{1,3})-(\\d{1,3})(?!\\w|-\\d)");

    private final boolean publicQuadsAreVersions;

    Ipv4Detector() {
        this(false);
    }

    private Ipv4Detector(boolean publicQuadsAreVersions) {
        this.publicQuadsAreVersions = publicQuadsAreVersions;
    }

    /** The detector for component versions: a dotted quad counts only when it is a private-use address. */
    static Ipv4Detector forVersions() {
        return new Ipv4Detector(true);
    }

    @Override
    public Optional<PiiFinding> scan(String text) {
        if (text.length() < SHORTEST) {
            return Optional.empty();
        }
        Optional<PiiFinding> dotted = Spans.firstMatch(PiiKind.IPV4, DOTTED_QUAD, text, this::address);
        if (dotted.isPresent()) {
            return dotted;
        }
        return Spans.firstMatch(PiiKind.IPV4, DASHED_HOST, text, Ipv4Detector::octets);
    }

    private boolean address(Matcher m) {
        return octets(m) && (!publicQuadsAreVersions
                || isPrivateUse(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    private static boolean octets(Matcher m) {
        return Spans.octets(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    /** Whether an address with these first two octets is private, shared (CGNAT), loopback or link-local. */
    static boolean isPrivateUse(int first, int second) {
        return first == 10 || first == 127
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 100 && second >= 64 && second <= 127)
                || (first == 169 && second == 254);
    }
}
