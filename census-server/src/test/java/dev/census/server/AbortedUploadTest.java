package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.census.server.testing.CapturedLog;
import dev.census.server.testing.RawConnection;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that hangs up half way through its upload costs a counter increment, not an error with a stack trace. */
class AbortedUploadTest {

    private static final Pattern ABORTED = Pattern.compile("(?m)^census_aborted_requests_total\\S* (\\S+)$");

    @TempDir
    Path dataDir;

    @Test
    void anUploadCutOffHalfWayIsCountedAndLoggedBelowErrorLevel() {
        try (CensusServer server = TestServers.start(dataDir, TestClock.at("2026-03-11T08:00:00Z"));
             CapturedLog log = CapturedLog.start()) {
            CensusClient client = new CensusClient(server.port());
            byte[] report = Reports.report().sentAt("2026-03-11T07:00:00Z").json().getBytes(StandardCharsets.UTF_8);
            for (String path : new String[] {"/api/v1/reports", "/"}) {
                try (RawConnection connection = RawConnection.open(server.port())) {
                    connection.write("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + report.length + "\r\n\r\n");
                    connection.write(java.util.Arrays.copyOf(report, report.length / 2));
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> aborted(client) >= 2);

            assertThat(aborted(client)).isEqualTo(2);
            assertThat(log.text()).doesNotContain("ERROR", "unexpected failure", "EofException");
            assertThat(server.store().countReports("demo")).isZero();
            assertThat(client.postReport(new String(report, StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        }
    }

    private static double aborted(CensusClient client) {
        Matcher counter = ABORTED.matcher(client.get("/metrics").body());
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
