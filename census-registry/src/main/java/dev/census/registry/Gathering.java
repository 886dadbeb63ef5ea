package dev.census.registry;

import java.util.Locale;

/** Where a metric's value comes from on the host: computed at runtime, or read from the database. */
public enum Gathering {
    RUNTIME,
    DATABASE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a registry gathering name; {@code null} when unknown. */
    public static Gathering fromWire(String name) {
        for (Gathering gathering : values()) {
            if (gathering.wireName().equals(name)) {
                return gathering;
            }
        }
        return null;
    }
}
