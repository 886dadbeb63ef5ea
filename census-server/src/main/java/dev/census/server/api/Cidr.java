package dev.census.server.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code fd00::/8} (a bare address is a network
 * of one), and the strict parsing of address literals it rests on, which never asks DNS.
 */
final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Hex digits, colons and dots (an embedded IPv4 tail), beginning as only an IPv6 literal can. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    /** The longest IPv6 text form, e.g. {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
    private static final int MAX_LITERAL_LENGTH = 45;

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** The network {@code text} names; host bits beyond the prefix are ignored. */
    static Cidr parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int slash = trimmed.indexOf('/');
        InetAddress address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not a CIDR such as 10.0.0.0/8 or fd00::/8: '" + text + "'");
        }
        byte[] bytes = address.getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String bits = trimmed.substring(slash + 1);
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > bytes.length * 8) {
                throw new IllegalArgumentException("the prefix length of '" + text + "' must be 0 to " + bytes.length * 8);
            }
            prefix = Integer.parseInt(bits);
        }
        return new Cidr(bytes, prefix, trimmed);
    }

    /** Whether the address lies in this network (an IPv4 address never lies in an IPv6 network). */
    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit += 8) {
            int mask = prefix - bit >= 8 ? 0xff : (0xff << (8 - (prefix - bit))) & 0xff;
            if (((bytes[bit / 8] ^ network[bit / 8]) & mask) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The IPv4 or IPv6 address {@code text} spells — brackets and a zone allowed, an IPv4-mapped IPv6
     * address read as IPv4 — or null for anything else, host names included: untrusted header values
     * pass through here, so nothing is ever looked up.
     */
    static InetAddress literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.isEmpty() || s.length() > MAX_LITERAL_LENGTH) {
            return null;
        }
        Matcher ipv4 = IPV4.matcher(s);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return byAddress(bytes);
        }
        if (s.indexOf(':') < 0 || !IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            // A string with a colon that begins with a hex digit or a colon is parsed as an IPv6
            // literal by the JDK, never resolved: an invalid one throws.
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
