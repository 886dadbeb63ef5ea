package dev.census.registry;

/** Where a metric's value comes from on the host: computed at runtime, or read from the database. */
public enum Gathering {
    RUNTIME,
    DATABASE;

    public String wireName() {
        return WireNames.of(this);
    }

    /** Parses a registry gathering name; {@code null} when unknown. */
    public static Gathering fromWire(String name) {
        return WireNames.parse(values(), name);
    }
}
