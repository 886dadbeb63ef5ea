package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.census.testing.TestDataSources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FootprintTest {

    @RegisterExtension
    final DemoInstallation demo = new DemoInstallation();

    private static List<Thread> censusThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("census-scheduler") && t.isAlive()).toList();
    }

    private Census.Builder scheduled() {
        return Census.builder().product("demo").endpoint(demo.server().uri()).stateDir(demo.stateDir())
                .component("core", "3.49.1").clock(demo.clock()).environment(Map.of());
    }

    @Test
    void reportingRunsOnOneDaemonThreadThatCloseStopsPromptly() {
        try (LogCapture logs = new LogCapture()) {
            Census census = scheduled().build();
            census.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> !logs.at(Level.INFO).isEmpty());

            assertThat(censusThreads()).singleElement().satisfies(thread -> {
                assertThat(thread.getName()).isEqualTo("census-scheduler");
                assertThat(thread.isDaemon()).isTrue();
            });

            assertTimeoutPreemptively(Duration.ofSeconds(2), census::close);
            await().atMost(Duration.ofSeconds(2)).until(() -> censusThreads().isEmpty());
        }
    }

    @Test
    void offStartsNoThreadAtAll() {
        try (Census census = scheduled().consent(Consent.OFF).build()) {
            census.start();
            assertThat(censusThreads()).isEmpty();
        }
    }

    @Test
    void startReturnsAtOnceEvenWhenTheApplicationDatabaseHangs() {
        CountDownLatch release = new CountDownLatch(1);
        DataSource hanging = TestDataSources.hangingUntil(release);
        try (LogCapture logs = new LogCapture();
             Census census = scheduled().systemIdStore(JdbcSystemIdStore.of(hanging)).build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(2), census::start);
            assertThat(logs.at(Level.INFO)).isEmpty(); // the notice waits for the database, the application does not
            release.countDown();
        }
    }
}
