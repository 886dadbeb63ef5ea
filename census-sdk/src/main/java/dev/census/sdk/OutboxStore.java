package dev.census.sdk;

import java.util.List;
import java.util.Optional;

/**
 * Where the outbox keeps its entries and its pause: a directory ({@link DirectoryOutboxStore}) or
 * memory ({@link MemoryOutboxStore}). Storage only; the rules (ids, trimming, resume) are {@link Outbox}'s.
 */
interface OutboxStore {

    /** Every entry kept, oldest (smallest id) first. */
    List<Outbox.Entry> list();

    /** The entry with this id, if it is kept. */
    Optional<Outbox.Entry> find(String id);

    /** Keeps a new entry: its exact report, once, and its status. */
    void add(Outbox.Entry entry);

    /** Replaces a kept entry's status and reason; its report never changes. Nothing happens for an unknown id. */
    void update(Outbox.Entry entry);

    /** Forgets an entry; nothing happens for an unknown id. */
    void remove(String id);

    /** True while uploads are paused (for a directory: also when another process paused them). */
    boolean isPaused();

    void setPaused(boolean paused);

    /** Where the entries live, for log lines. */
    String describe();
}
