package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsentTest {

    @RegisterExtension
    final DemoInstallation demo = new DemoInstallation();
    Path tmp;
    Path stateDir;

    @BeforeEach
    void placeStateDirInsideAnEmptyDirectory() {
        tmp = demo.stateDir();
        stateDir = tmp.resolve("census");
    }

    @Test
    void offWritesNothingToDiskAndSendsNothing() throws Exception {
        try (Census census = Fixtures.demo(demo.server().uri(), stateDir, demo.clock()).consent(Consent.OFF).build()) {
            census.start();
            String preview = census.preview();
            UploadResult result = census.sendNow();
            census.runDueWork();
            demo.clock().advance(Duration.ofDays(2));
            census.runDueWork();

            assertThat(result.outcome()).isEqualTo(UploadResult.Outcome.OFF);
            assertThat(census.nextRunAt()).isEmpty();
            assertThat(census.systemId()).isEmpty();
            assertThat(preview).contains(Reporter.PLACEHOLDER_ID.toString());
        }
        assertThat(stateDir).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
        assertThat(demo.server().requests()).isEmpty();
    }

    @Test
    void localKeepsReportsInTheOutboxAndNeverConnects() throws Exception {
        try (Census census = Fixtures.demo(demo.server().uri(), stateDir, demo.clock()).consent(Consent.LOCAL).build()) {
            census.start();
            Fixtures.runNext(census, demo.clock());
            Fixtures.runNext(census, demo.clock());
            UploadResult result = census.sendNow();
            census.outbox().resume();

            assertThat(result.outcome()).isEqualTo(UploadResult.Outcome.KEPT_LOCALLY);
            assertThat(census.outbox().list()).hasSize(3)
                    .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(Outbox.Status.LOCAL));
        }
        assertThat(demo.server().requests()).isEmpty();
    }

    @Test
    void doNotTrackWinsOverAnExplicitOn() throws Exception {
        try (Census census = Fixtures.demo(demo.server().uri(), stateDir, demo.clock()).consent(Consent.ON)
                .environment(Map.of("DO_NOT_TRACK", "1")).build()) {
            census.start();
            assertThat(census.consent()).isEqualTo(Consent.OFF);
            assertThat(census.sendNow().outcome()).isEqualTo(UploadResult.Outcome.OFF);
        }
        assertThat(stateDir).doesNotExist();
        assertThat(demo.server().requests()).isEmpty();
    }

    @Test
    void censusModeOffWinsOverAnExplicitOn() throws Exception {
        try (Census census = Fixtures.demo(demo.server().uri(), stateDir, demo.clock()).consent(Consent.ON)
                .environment(Map.of("CENSUS_MODE", "off")).build()) {
            assertThat(census.consent()).isEqualTo(Consent.OFF);
        }
        assertThat(stateDir).doesNotExist();
    }

    @Test
    void continuousIntegrationBuildsReportsButNeverUploads() throws Exception {
        try (Census census = Fixtures.demo(demo.server().uri(), stateDir, demo.clock()).consent(Consent.ON)
                .environment(Map.of("CI", "true")).build()) {
            census.start();
            Fixtures.runNext(census, demo.clock());
            UploadResult result = census.sendNow();

            assertThat(result.outcome()).isEqualTo(UploadResult.Outcome.KEPT_LOCALLY);
            assertThat(result.detail()).contains("CI=true");
            assertThat(census.outbox().list()).hasSize(2);
        }
        assertThat(demo.server().requests()).isEmpty();
    }

    @Test
    void upgradedInstallationsDefaultToLocalWhileNewOnesGetTheAppDefault() throws Exception {
        Path upgraded = tmp.resolve("upgraded");
        Path fresh = tmp.resolve("fresh");
        try (Census old = Fixtures.demo(demo.server().uri(), upgraded, demo.clock())
                .upgradedInstallationConsent(Consent.LOCAL, () -> true).build();
             Census young = Fixtures.demo(demo.server().uri(), fresh, demo.clock())
                .upgradedInstallationConsent(Consent.LOCAL, () -> false).build()) {
            assertThat(old.consent()).isEqualTo(Consent.LOCAL);
            assertThat(young.consent()).isEqualTo(Consent.ON);
        }
        // the answer is stored: the application is not asked again, and an admin's choice still wins
        try (Census restarted = Fixtures.demo(demo.server().uri(), upgraded, demo.clock())
                .upgradedInstallationConsent(Consent.LOCAL, () -> false).build();
             Census optedIn = Fixtures.demo(demo.server().uri(), upgraded, demo.clock()).consent(Consent.ON)
                .upgradedInstallationConsent(Consent.LOCAL, () -> true).build()) {
            assertThat(restarted.consent()).isEqualTo(Consent.LOCAL);
            assertThat(optedIn.consent()).isEqualTo(Consent.ON);
        }
    }

    @Test
    void theStartNoticeSaysWhatIsSentWhereHowToSeeItAndHowToStopIt() throws Exception {
        try (LogCapture logs = new LogCapture();
             Census census = Fixtures.demo(demo.server().uri(), stateDir, demo.clock())
                     .disableHint("set ANALYTICS=False in settings.py")
                     .previewHint("pulpcore-manager analytics --preview").build()) {
            census.start();

            assertThat(logs.at(Level.INFO)).singleElement().satisfies(line -> assertThat(line).contains(
                    "is ON", "workers.processes", "core", demo.server().uri() + "/api/v1/reports",
                    "pulpcore-manager analytics --preview", "ANALYTICS=False in settings.py"));

            Fixtures.runNext(census, demo.clock());
            assertThat(logs.at(Level.INFO)).hasSize(2);
            assertThat(logs.at(Level.INFO).get(1)).contains(census.outbox().list().get(0).report());
        }
    }

    @Test
    void theFirstScheduledUploadComesNoSoonerThanThirtyMinutesAfterTheNotice() throws Exception {
        try (Census census = Fixtures.demo(demo.server().uri(), stateDir, demo.clock()).build()) {
            census.start();

            assertThat(census.nextRunAt().orElseThrow()).isAfterOrEqualTo(Fixtures.T0.plus(Duration.ofMinutes(30)));
            demo.clock().advance(Duration.ofMinutes(29));
            census.runDueWork();
            assertThat(demo.server().requests()).isEmpty();
        }
    }

    @Test
    void aRestartedInstallationKeepsItsIdentityAndTimeOfDay() throws Exception {
        String first;
        try (Census census = Fixtures.demo(demo.server().uri(), stateDir, demo.clock()).build()) {
            first = census.systemId().orElseThrow().toString();
        }
        try (Census again = Fixtures.demo(demo.server().uri(), stateDir, demo.clock()).build()) {
            assertThat(again.systemId().orElseThrow().toString()).isEqualTo(first);
        }
        assertThat(Files.readString(stateDir.resolve(FileSystemIdStore.FILE_NAME))).contains(first, "time_of_day");
    }
}
