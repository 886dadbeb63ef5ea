package dev.census.server.api;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * Tells which client address a request counts against: the socket peer, or — only when that peer is
 * a trusted proxy — the rightmost hop of its {@code X-Forwarded-For} (else RFC 7239 {@code Forwarded})
 * header that is not itself a trusted proxy.
 */
public final class ClientAddress {

    private static final ClientAddress SOCKET_PEER = new ClientAddress(List.of());

    private final List<Cidr> trusted;

    private ClientAddress(List<Cidr> trusted) {
        this.trusted = trusted;
    }

    /** The socket peer, whatever the headers say: for a server reached directly. */
    public static ClientAddress socketPeer() {
        return SOCKET_PEER;
    }

    /**
     * Believes the forwarding headers of peers inside these networks ({@code 10.0.0.0/8},
     * {@code 2001:db8::/32}, or a single address).
     *
     * @throws IllegalArgumentException naming the first entry that is not a CIDR
     */
    public static ClientAddress trusting(Collection<String> proxies) {
        Objects.requireNonNull(proxies, "trustedProxies");
        List<Cidr> trusted = new ArrayList<>();
        for (String proxy : proxies) {
            try {
                trusted.add(Cidr.parse(proxy));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trustedProxies: " + e.getMessage(), e);
            }
        }
        return new ClientAddress(List.copyOf(trusted));
    }

    /** The networks whose forwarding headers are believed, as configured. */
    public List<String> trustedProxies() {
        return trusted.stream().map(Cidr::toString).toList();
    }

    /** The request's client address, as a key: never stored, never logged. */
    String of(Context ctx) {
        return resolve(ctx.ip(), headerValues(ctx, "X-Forwarded-For"), headerValues(ctx, "Forwarded"));
    }

    /**
     * The rightmost untrusted hop. Walking from the peer leftwards, every trusted hop passes the
     * request on to the one before it; an entry that is no address ({@code unknown}, an obfuscated
     * {@code _name}, garbage) ends the walk at the trusted hop that wrote it. With every hop trusted,
     * the leftmost one is the client.
     */
    String resolve(String peer, List<String> forwardedFor, List<String> forwarded) {
        InetAddress client = Cidr.literal(peer);
        if (client == null || !isTrusted(client)) {
            return client == null ? peer : client.getHostAddress();
        }
        List<String> hops = !forwardedFor.isEmpty() ? forwardedForHops(forwardedFor) : forwardedHops(forwarded);
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = node(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private List<String> headerValues(Context ctx, String name) {
        if (trusted.isEmpty()) {
            return List.of();
        }
        Enumeration<String> values = ctx.req().getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    /** {@code X-Forwarded-For: client, proxy1, proxy2}, over any number of header lines. */
    private static List<String> forwardedForHops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /**
     * The {@code for=} of each element of {@code Forwarded: for=192.0.2.60;proto=https, for="[2001:db8::17]:4711"};
     * an element without one is an unknown hop. Commas and semicolons inside quoted strings do not split.
     */
    private static List<String> forwardedHops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String element : splitUnquoted(header, ',')) {
                String hop = "unknown";
                for (String pair : splitUnquoted(element, ';')) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                        hop = unquote(pair.substring(equals + 1).strip());
                    }
                }
                hops.add(hop);
            }
        }
        return hops;
    }

    private static List<String> splitUnquoted(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
    }

    /**
     * The address of a hop: {@code 192.0.2.60}, {@code 192.0.2.60:4711}, {@code [2001:db8::17]},
     * {@code [2001:db8::17]:4711} or a bare {@code 2001:db8::17}; null for anything else.
     */
    private static InetAddress node(String hop) {
        String node = hop.strip();
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close < 0 ? null : Cidr.literal(node.substring(0, close + 1));
        }
        int colon = node.indexOf(':');
        if (colon >= 0 && colon == node.lastIndexOf(':')) {
            node = node.substring(0, colon);
        }
        return Cidr.literal(node);
    }
}
