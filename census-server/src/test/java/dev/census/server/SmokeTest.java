package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.testing.CensusClient;
import dev.census.server.testing.MutableClock;
import dev.census.server.testing.Reports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {

    @Test
    void serverAnswers(@TempDir Path dir) {
        MutableClock clock = MutableClock.at("2026-03-10T12:00:00Z");
        try (CensusServer server = CensusServer.builder().port(0).dataDir(dir).clock(clock).adminToken("secret-token")
                .dailyJobs(false).k(1).build().start()) {
            CensusClient client = new CensusClient(server.port());
            var r = client.postReport(Reports.report().component("core", "3.49.1").metric("workers.processes", "4").json());
            System.out.println(r.statusCode() + " " + r.body());
            clock.advance(java.time.Duration.ofDays(1));
            System.out.println(client.admin("POST", "/api/v1/admin/summarize", "secret-token").body());
            System.out.println(client.get("/api/v1/products/demo/summaries?from=2026-03-10&to=2026-03-10").body());
            System.out.println(client.get("/api/v1/products/demo/series/components.core.xy").body());
            var page = client.get("/p/demo");
            System.out.println(page.statusCode() + " " + page.body().length());
            System.out.println(client.get("/").body());
            System.out.println(client.get("/nope").body());
            assertThat(r.statusCode()).isEqualTo(202);
        }
    }
}
