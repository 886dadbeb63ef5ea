package dev.census.protocol.pii;

import java.util.Optional;

/**
 * Finds IPv6 addresses by parsing, not by pattern: each run of hex digits, colons and dots that
 * stands apart from words is parsed as RFC 4291 text (eight groups, or fewer with one {@code ::},
 * optionally ending in a dotted IPv4). Times ({@code 12:30:45}) and scoped names
 * ({@code std::string}) are not addresses.
 */
final class Ipv6Detector implements PiiDetector {

    @Override
    public Optional<PiiFinding> scan(String text) {
        return Spans.firstRun(text, Ipv6Detector::inRun, (start, end) -> {
            boolean apart = (start == 0 || !Spans.isWordChar(text.charAt(start - 1)))
                    && (end == text.length() || !Spans.isWordChar(text.charAt(end)));
            return apart ? address(text, start, end) : Optional.empty();
        });
    }

    private static Optional<PiiFinding> address(String text, int start, int end) {
        while (end > start && text.charAt(end - 1) == '.') {
            end--;
        }
        String candidate = text.substring(start, end);
        if (isAddress(candidate)) {
            return Optional.of(new PiiFinding(PiiKind.IPV6, start, end));
        }
        if (candidate.endsWith(":") && !candidate.endsWith("::") && isAddress(candidate.substring(0, candidate.length() - 1))) {
            return Optional.of(new PiiFinding(PiiKind.IPV6, start, end - 1));
        }
        return Optional.empty();
    }

    private static boolean inRun(char c) {
        return Spans.isHexDigit(c) || c == ':' || c == '.';
    }

    /** Whether the text is an IPv6 address in any RFC 4291 textual form, without a zone. */
    static boolean isAddress(String text) {
        if (text.indexOf(':') < 0 || text.chars().noneMatch(c -> Spans.isHexDigit((char) c))) {
            return false;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if (doubleColon < 0) {
            int groups = groups(text);
            return groups == 8;
        }
        String head = text.substring(0, doubleColon);
        String tail = text.substring(doubleColon + 2);
        if (head.contains(".")) {
            return false;
        }
        int headGroups = head.isEmpty() ? 0 : groups(head);
        int tailGroups = tail.isEmpty() ? 0 : groups(tail);
        return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups <= 7;
    }

    /** The number of 16-bit groups in a colon-separated list (an ending IPv4 counts two), or -1 if malformed. */
    private static int groups(String list) {
        String[] parts = list.split(":", -1);
        int groups = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.contains(".")) {
                String[] octets = part.split("\\.", -1);
                if (octets.length != 4 || !allDigits(octets) || !Spans.octets(octets)) {
                    return -1;
                }
                groups += 2;
            } else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Spans.isHexDigit((char) c))) {
                return -1;
            } else {
                groups++;
            }
        }
        return groups;
    }

    private static boolean allDigits(String[] parts) {
        for (String part : parts) {
            if (part.isEmpty() || !part.chars().allMatch(c -> Spans.isAsciiDigit((char) c))) {
                return false;
            }
        }
        return true;
    }
}
