package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behind a trusted reverse proxy, each installation is rate-limited on its own address, and nobody else's headers count. */
class TrustedProxyTest {

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");

    @Test
    void installationsBehindATrustedProxyGetBucketsOfTheirOwn() {
        try (CensusServer server = start(1, "127.0.0.1")) {
            CensusClient client = new CensusClient(server.port());
            assertThat(answers(client, "X-Forwarded-For: 198.51.100.7", "X-Forwarded-For: 198.51.100.8",
                    "Forwarded: for=198.51.100.9;proto=https", "Forwarded: for=\"[2001:db8:cafe::17]:4711\""))
                    .containsExactly(202, 202, 202, 202);

            assertThat(post(client, "X-Forwarded-For: 198.51.100.7")).as("the first installation's minute is used up").isEqualTo(429);
            assertThat(post(client, "Forwarded: for=198.51.100.7")).as("the same client, whichever header names it").isEqualTo(429);
            assertThat(post(client, "Forwarded: For=\"[2001:DB8:CAFE:0::17]\"")).isEqualTo(429);
            assertThat(server.store().countReports("demo")).isEqualTo(4);
        }
    }

    @Test
    void anUntrustedPeersForwardingHeadersAreIgnoredSoSpoofingDoesNotEvadeTheLimit() {
        try (CensusServer server = start(2, "10.0.0.0/8", "fd00::/8")) {
            assertThat(answers(new CensusClient(server.port()), "X-Forwarded-For: 198.51.100.1", "Forwarded: for=198.51.100.2",
                    "X-Forwarded-For: 198.51.100.3", "Forwarded: for=198.51.100.4"))
                    .containsExactly(202, 202, 429, 429);
            assertThat(server.store().countReports("demo")).isEqualTo(2);
        }
    }

    @Test
    void theClientIsTheRightmostHopThatIsNotATrustedProxy() {
        try (CensusServer server = start(1, "127.0.0.0/8", "10.0.0.0/8")) {
            CensusClient client = new CensusClient(server.port());
            assertThat(post(client, "X-Forwarded-For: 192.0.2.1, 203.0.113.9, 10.1.2.3")).isEqualTo(202);

            assertThat(post(client, "X-Forwarded-For: 192.0.2.99, 203.0.113.9, 10.9.9.9"))
                    .as("a client that forges the leftmost entries is still 203.0.113.9").isEqualTo(429);
            assertThat(post(client, "X-Forwarded-For: 203.0.113.9:52100")).as("a port is not part of the address").isEqualTo(429);
            assertThat(post(client, "X-Forwarded-For: 192.0.2.1, 203.0.113.10, 10.1.2.3"))
                    .as("another client behind the same proxies").isEqualTo(202);
            assertThat(answers(client, "Forwarded: for=192.0.2.1, for=203.0.113.11;by=10.1.2.3, for=10.1.2.3",
                    "Forwarded: for=203.0.113.11")).containsExactly(202, 429);
        }
    }

    @Test
    void aTrustedProxyThatCannotNameItsClientCountsAsTheClient() {
        try (CensusServer server = start(1, "127.0.0.1", "10.0.0.0/8")) {
            CensusClient client = new CensusClient(server.port());
            assertThat(post(client, "X-Forwarded-For: 192.0.2.1, unknown, 10.0.0.2")).isEqualTo(202);
            assertThat(post(client, "Forwarded: for=_hidden, for=10.0.0.2")).as("still 10.0.0.2").isEqualTo(429);
            assertThat(post(client, "X-Forwarded-For: 192.0.2.1, unknown, 10.0.0.3")).isEqualTo(202);
        }
    }

    @Test
    void theBuilderRefusesATrustedProxyThatIsNoCidrNamingIt() {
        assertThatThrownBy(() -> CensusServer.builder().trustedProxies(List.of("10.0.0.0/8", "proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trustedProxies: not a CIDR such as 10.0.0.0/8 or fd00::/8: 'proxy.internal'");
        assertThatThrownBy(() -> CensusServer.builder().trustedProxies(List.of("10.0.0.0/33")))
                .hasMessage("trustedProxies: the prefix length of '10.0.0.0/33' must be 0 to 32");
        assertThatThrownBy(() -> CensusServer.builder().trustedProxies(List.of("fd00::/129")))
                .hasMessage("trustedProxies: the prefix length of 'fd00::/129' must be 0 to 128");
    }

    private CensusServer start(int ratePerMinute, String... trustedProxies) {
        return TestServers.builder(dataDir, clock).rateLimitPerMinute(ratePerMinute).trustedProxies(List.of(trustedProxies))
                .build().start();
    }

    /** The statuses of reports posted one after another, each with one header line such as {@code "Forwarded: for=192.0.2.1"}. */
    private static List<Integer> answers(CensusClient client, String... headerLines) {
        return Stream.of(headerLines).map(line -> post(client, line)).toList();
    }

    private static int post(CensusClient client, String headerLine) {
        int colon = headerLine.indexOf(':');
        byte[] body = Reports.report().sentAt("2026-03-11T07:00:00Z").json().getBytes(StandardCharsets.UTF_8);
        return client.send(client.reportRequest(body, "application/json")
                .header(headerLine.substring(0, colon), headerLine.substring(colon + 2)).build()).statusCode();
    }
}
