package dev.census.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request counts against, for IPv4 and IPv6 peers, proxies and hops. */
class ClientAddressTest {

    private final ClientAddress proxies = ClientAddress.trusting(List.of("10.0.0.0/8", "192.168.1.7", "2001:db8:aaaa::/48", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClientWhateverTheHeaders() {
        ClientAddress direct = ClientAddress.socketPeer();
        assertThat(direct.resolve("10.0.0.1", List.of("203.0.113.9"), List.of("for=203.0.113.8"))).isEqualTo("10.0.0.1");
        assertThat(direct.resolve("[::1]", List.of("203.0.113.9"), List.of())).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void anUntrustedPeerIsTheClient() {
        assertThat(proxies.resolve("192.168.1.8", List.of("203.0.113.9"), List.of())).isEqualTo("192.168.1.8");
        assertThat(proxies.resolve("[2001:db8:aaab::1]", List.of("203.0.113.9"), List.of())).isEqualTo("2001:db8:aaab:0:0:0:0:1");
    }

    @Test
    void ipv4AndIpv6ProxiesAreMatchedByTheirPrefix() {
        assertThat(proxies.resolve("10.255.0.1", List.of("203.0.113.9"), List.of())).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("192.168.1.7", List.of("203.0.113.9"), List.of())).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("[2001:db8:aaaa:ffff::1]", List.of("2001:db8:1::5"), List.of())).isEqualTo("2001:db8:1:0:0:0:0:5");
        assertThat(proxies.resolve("[fd12::3]", List.of(), List.of("for=\"[2001:db8:1::5]:443\""))).isEqualTo("2001:db8:1:0:0:0:0:5");
        assertThat(proxies.resolve("[::ffff:10.0.0.1]", List.of("203.0.113.9"), List.of()))
                .as("an IPv4-mapped peer is its IPv4 address").isEqualTo("203.0.113.9");
        assertThat(ClientAddress.trusting(List.of("0.0.0.0/0")).resolve("198.51.100.1", List.of("203.0.113.9"), List.of()))
                .isEqualTo("203.0.113.9");
        assertThat(ClientAddress.trusting(List.of("0.0.0.0/0")).resolve("[2001:db8::1]", List.of("203.0.113.9"), List.of()))
                .as("an IPv4 network never holds an IPv6 peer").isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void theRightmostUntrustedHopOfAChainIsTheClient() {
        assertThat(proxies.resolve("10.0.0.1", List.of("192.0.2.1, 203.0.113.9", "fd00::2, 10.0.0.5"), List.of()))
                .as("over several header lines").isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("10.0.0.1", List.of(), List.of("for=192.0.2.1;proto=https, for=\"203.0.113.9:1234\";by=\"[fd00::2]\", For=\"[fd00::2]\"")))
                .isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("10.0.0.1", List.of("10.0.0.7, 10.0.0.5"), List.of()))
                .as("when every hop is a trusted proxy, the leftmost").isEqualTo("10.0.0.7");
        assertThat(proxies.resolve("10.0.0.1", List.of("203.0.113.9, garbage, 10.0.0.5"), List.of()))
                .as("a hop that is no address ends the walk at the proxy that wrote it").isEqualTo("10.0.0.5");
        assertThat(proxies.resolve("10.0.0.1", List.of(""), List.of())).isEqualTo("10.0.0.1");
        assertThat(proxies.resolve("10.0.0.1", List.of(), List.of("proto=https"))).isEqualTo("10.0.0.1");
    }

    @Test
    void xForwardedForWinsOverForwardedWhenARequestHasBoth() {
        assertThat(proxies.resolve("10.0.0.1", List.of("203.0.113.9"), List.of("for=198.51.100.66"))).isEqualTo("203.0.113.9");
    }

    @Test
    void hostNamesAreNeverLookedUpAndNeverTrusted() {
        for (String notALiteral : List.of("localhost", "example.com", "1.2.3", "256.1.1.1", ".:", "1:2")) {
            assertThat(Cidr.literal(notALiteral)).as(notALiteral).isNull();
        }
        assertThat(proxies.resolve("10.0.0.1", List.of("localhost"), List.of())).isEqualTo("10.0.0.1");
    }
}
