package dev.census.registry;

import java.util.Locale;

/** The registry's enum values as written in YAML and on the wire: their names in lower case. */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The value with this wire name; {@code null} when none has it. */
    static <E extends Enum<E>> E parse(E[] values, String name) {
        for (E value : values) {
            if (of(value).equals(name)) {
                return value;
            }
        }
        return null;
    }
}
