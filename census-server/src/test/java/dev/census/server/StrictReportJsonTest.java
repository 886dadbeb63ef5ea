package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.server.testing.RunningServer;
import dev.census.testing.Reports;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A report means one thing only: no key given twice, no number beyond what its field can hold, and
 * the production channel only for strict X.Y.Z releases of every component.
 */
class StrictReportJsonTest {

    private static final String SENT_AT = "2026-03-11T07:00:00Z";

    @RegisterExtension
    static final RunningServer running = RunningServer.at("2026-03-11T08:00:00Z");

    static Stream<Arguments> ambiguous() {
        String valid = Reports.report().sentAt(SENT_AT).component("core", "3.49.1").metric("workers.processes", "4").json();
        return Stream.of(
                Arguments.of("schema twice", valid.replace("\"schema\":1,", "\"schema\":1,\"schema\":1,"), 400, "schema"),
                Arguments.of("product twice", valid.replace("\"product\":\"demo\",", "\"product\":\"demo\",\"product\":\"pulp\","), 400, "product"),
                Arguments.of("a metric twice", valid.replace("\"workers.processes\":4", "\"workers.processes\":4,\"workers.processes\":400"),
                        400, "metrics.workers.processes"),
                Arguments.of("a component's version twice",
                        valid.replace("\"version\":\"3.49.1\"", "\"version\":\"3.49.1\",\"version\":\"3.50.0\""), 400, "components[0].version"),
                Arguments.of("schema beyond 64 bits", valid.replace("\"schema\":1", "\"schema\":18446744073709551617"), 400, "schema"),
                Arguments.of("schema beyond 64 bits, negative", valid.replace("\"schema\":1", "\"schema\":-18446744073709551615"), 400, "schema"),
                Arguments.of("schema 2^32 + 1", valid.replace("\"schema\":1", "\"schema\":4294967297"), 422, "schema"),
                Arguments.of("schema as a fraction", valid.replace("\"schema\":1", "\"schema\":1.0"), 400, "schema"),
                Arguments.of("a metric beyond a double", valid.replace("\"workers.processes\":4", "\"workers.processes\":1e400"),
                        400, "metrics.workers.processes"),
                Arguments.of("a metric beyond a double, negative", valid.replace("\"workers.processes\":4", "\"workers.processes\":-1e309"),
                        400, "metrics.workers.processes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguous")
    void ambiguousOrOverflowingReportsAreRefusedNamingTheFieldAndStoreNothing(String what, String body, int status, String field) {
        long before = running.server().store().countReports("demo") + running.server().store().countReports("pulp");
        HttpResponse<String> answer = running.client().postReport(body);
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(answer);
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(running.server().store().countReports("demo") + running.server().store().countReports("pulp")).isEqualTo(before);
    }

    @Test
    void productionReportsCarryOnlyStrictReleasesAndDevReportsAnything() {
        Random random = new Random(20260311L);
        long before = running.server().store().countReports("demo");
        int accepted = 0;
        for (int i = 0; i < 60; i++) {
            String release = release(random);
            String other = preRelease(random);
            List<String> versions = new ArrayList<>(List.of(release(random), release(random)));
            versions.add(random.nextInt(versions.size() + 1), other);

            assertThat(post("production", List.of(release)).statusCode()).as("production %s", release).isEqualTo(202);
            HttpResponse<String> refused = post("production", versions);
            assertThat(refused.statusCode()).as("production %s", versions).isEqualTo(422);
            assertThat(json(refused).get("field").asText()).isEqualTo("channel");
            assertThat(json(refused).get("detail").asText()).contains(other, "components[" + versions.indexOf(other) + "]");
            assertThat(post("dev", versions).statusCode()).as("dev %s", versions).isEqualTo(202);
            assertThat(post("dev", List.of(release)).statusCode()).as("dev %s", release).isEqualTo(202);
            accepted += 3;
        }
        assertThat(running.server().store().countReports("demo")).isEqualTo(before + accepted);
    }

    private static HttpResponse<String> post(String channel, List<String> versions) {
        Reports report = Reports.report().sentAt(SENT_AT).channel(channel).metric("workers.processes", "2");
        for (int i = 0; i < versions.size(); i++) {
            report.component(i == 0 ? "core" : "plugin" + i, versions.get(i));
        }
        return running.client().postReport(report.json());
    }

    private static String release(Random random) {
        return random.nextInt(5) + "." + random.nextInt(60) + "." + random.nextInt(20);
    }

    /** A version that is not strictly X.Y.Z: what pre-release and development builds look like. */
    private static String preRelease(Random random) {
        String release = release(random);
        return switch (random.nextInt(9)) {
            case 0 -> release + "rc" + (1 + random.nextInt(5));
            case 1 -> release + ".dev";
            case 2 -> release + "a" + random.nextInt(9);
            case 3 -> release + "-SNAPSHOT";
            case 4 -> release + "+build" + random.nextInt(99);
            case 5 -> release.substring(0, release.lastIndexOf('.'));
            case 6 -> release + "." + random.nextInt(9);
            case 7 -> "0" + (1 + random.nextInt(9)) + release.substring(release.indexOf('.'));
            default -> "v" + release;
        };
    }
}
