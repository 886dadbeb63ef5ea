package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoggerNamesTest {

    @RegisterExtension
    final DemoInstallation demo = new DemoInstallation();

    @Test
    void everyLogLineComesFromALoggerNamedAfterTheSdkClassThatWroteIt() {
        try (LogCapture logs = new LogCapture()) {
            Census census = demo.builder().build();
            census.start();
            assertThat(census.sendNow().outcome()).isEqualTo(UploadResult.Outcome.SENT);
            census.close();
            census.resetSystemId(); // closed: Census itself warns

            assertThat(logs.records()).extracting(LogRecord::getLoggerName)
                    .contains("dev.census.sdk.Census", "dev.census.sdk.Reporter", "dev.census.sdk.Uploader")
                    .allMatch(name -> name.startsWith("dev.census.sdk."));
            assertThat(logs.records()).allSatisfy(record ->
                    assertThat(record.getSourceClassName()).isEqualTo(record.getLoggerName()));
        }
    }
}
