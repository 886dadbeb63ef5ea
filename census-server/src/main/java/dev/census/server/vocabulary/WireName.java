package dev.census.server.vocabulary;

import java.util.Locale;
import java.util.Optional;

/** A published name that is its enum constant in lower case ({@code P50} is "p50"), as rows, JSON and CSV carry it. */
public interface WireName {

    /** The enum constant's name. */
    String name();

    /** The name as it is published. */
    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} published as {@code wire}; empty when there is none. */
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String wire) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(wire)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
