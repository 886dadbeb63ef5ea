package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every outbox store does, whatever it keeps the entries in; each store's test is a subclass. */
abstract class OutboxStoreContract {

    static final UUID SYSTEM = UUID.fromString("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");

    /** A fresh, empty store. */
    abstract OutboxStore store();

    static Outbox.Entry entry(String id, Outbox.Status status) {
        return new Outbox.Entry(id, Instant.parse("2026-03-02T08:00:00Z"), LocalDate.parse("2026-03-02"), SYSTEM,
                status, null, "{\"system_id\":\"" + SYSTEM + "\",\"id\":\"" + id + "\"}");
    }

    @Test
    void anEntryIsKeptWithItsSystemIdExactReportAndStatus() {
        OutboxStore store = store();
        Outbox.Entry written = entry("20260302T080000Z", Outbox.Status.PENDING);

        store.add(written);

        assertThat(store.find(written.id())).contains(written);
        assertThat(store.list()).containsExactly(written);
    }

    @Test
    void entriesAreListedOldestFirst() {
        OutboxStore store = store();
        store.add(entry("20260302T090000Z", Outbox.Status.SENT));
        store.add(entry("20260302T080000Z", Outbox.Status.SENT));
        store.add(entry("20260302T080000Z-1", Outbox.Status.PENDING));

        assertThat(store.list()).extracting(Outbox.Entry::id)
                .containsExactly("20260302T080000Z", "20260302T080000Z-1", "20260302T090000Z");
    }

    @Test
    void anUpdateChangesTheStatusAndReasonButNeverTheReport() {
        OutboxStore store = store();
        Outbox.Entry written = entry("20260302T080000Z", Outbox.Status.PENDING);
        store.add(written);

        store.update(written.with(Outbox.Status.FAILED, "HTTP 422: \"invalid\"\nsecond line"));

        assertThat(store.find(written.id())).hasValueSatisfying(entry -> {
            assertThat(entry.status()).isEqualTo(Outbox.Status.FAILED);
            assertThat(entry.reason()).isEqualTo("HTTP 422: \"invalid\"\nsecond line");
            assertThat(entry.report()).isEqualTo(written.report());
            assertThat(entry.systemId()).isEqualTo(SYSTEM);
        });
    }

    @Test
    void anUpdateOrRemovalOfAnUnknownEntryDoesNothing() {
        OutboxStore store = store();

        store.update(entry("20260302T080000Z", Outbox.Status.SENT));
        store.remove("20260302T080000Z");

        assertThat(store.list()).isEmpty();
        assertThat(store.find("20260302T080000Z")).isEmpty();
    }

    @Test
    void aRemovedEntryIsGone() {
        OutboxStore store = store();
        store.add(entry("20260302T080000Z", Outbox.Status.SENT));
        store.add(entry("20260302T090000Z", Outbox.Status.SENT));

        store.remove("20260302T080000Z");

        assertThat(store.list()).extracting(Outbox.Entry::id).containsExactly("20260302T090000Z");
    }

    @Test
    void thePauseIsKeptUntilLifted() {
        OutboxStore store = store();
        assertThat(store.isPaused()).isFalse();

        store.setPaused(true);
        assertThat(store.isPaused()).isTrue();
        store.setPaused(true);
        store.setPaused(false);
        assertThat(store.isPaused()).isFalse();
        store.setPaused(false);
        assertThat(store.isPaused()).isFalse();
    }
}
