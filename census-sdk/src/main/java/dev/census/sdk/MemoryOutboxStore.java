package dev.census.sdk;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Keeps the outbox in memory, for an application that gives no state directory; gone with the process. */
final class MemoryOutboxStore implements OutboxStore {

    private final TreeMap<String, Outbox.Entry> entries = new TreeMap<>();
    private boolean paused;

    @Override
    public synchronized List<Outbox.Entry> list() {
        return List.copyOf(entries.values());
    }

    @Override
    public synchronized Optional<Outbox.Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized void add(Outbox.Entry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public synchronized void update(Outbox.Entry entry) {
        entries.computeIfPresent(entry.id(), (id, kept) -> entry);
    }

    @Override
    public synchronized void remove(String id) {
        entries.remove(id);
    }

    @Override
    public synchronized boolean isPaused() {
        return paused;
    }

    @Override
    public synchronized void setPaused(boolean paused) {
        this.paused = paused;
    }

    @Override
    public String describe() {
        return "memory (no state directory)";
    }
}
