package dev.census.sdk;

class MemoryOutboxStoreTest extends OutboxStoreContract {

    @Override
    OutboxStore store() {
        return new MemoryOutboxStore();
    }
}
