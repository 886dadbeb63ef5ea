package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryOutboxStoreTest extends OutboxStoreContract {

    @TempDir
    Path stateDir;

    @Override
    OutboxStore store() {
        return new DirectoryOutboxStore(stateDir.resolve("outbox"));
    }

    @Test
    void theReportIsAFileOfItsExactBytesAndTheStatusNamesTheSystemId() throws Exception {
        Outbox.Entry written = entry("20260302T080000Z", Outbox.Status.PENDING);

        store().add(written);

        assertThat(stateDir.resolve("outbox/20260302T080000Z.json")).hasContent(written.report());
        assertThat(Files.readString(stateDir.resolve("outbox/20260302T080000Z.status")))
                .contains("system_id=" + SYSTEM, "status=PENDING");
    }

    @Test
    void anotherStoreOnTheSameDirectorySeesTheSameEntriesAndPause() {
        OutboxStore app = store();
        OutboxStore adminCli = store();
        app.add(entry("20260302T080000Z", Outbox.Status.PENDING));

        adminCli.setPaused(true);

        assertThat(adminCli.list()).isEqualTo(app.list());
        assertThat(app.isPaused()).isTrue();
    }

    @Test
    void nothingIsWrittenUntilSomethingIsKept() {
        OutboxStore store = store();

        assertThat(store.list()).isEmpty();
        assertThat(store.isPaused()).isFalse();
        store.setPaused(false);

        assertThat(stateDir).isEmptyDirectory();
    }

    @Test
    void aStatusFileWithoutItsSystemIdIsReportedAsCorrupt() throws Exception {
        OutboxStore store = store();
        store.add(entry("20260302T080000Z", Outbox.Status.PENDING));
        Path status = stateDir.resolve("outbox/20260302T080000Z.status");
        Files.writeString(status, Files.readString(status).replaceAll("system_id=.*\\R", ""));

        assertThatThrownBy(store::list).hasMessageContaining("corrupt outbox entry " + status);
    }
}
