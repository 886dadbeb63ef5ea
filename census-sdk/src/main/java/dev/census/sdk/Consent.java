package dev.census.sdk;

import java.util.Locale;

/** What an installation lets Census do: nothing, keep reports locally, or upload them. */
public enum Consent {
    /** Nothing is collected, written or sent. */
    OFF,
    /** Reports are built once a day into the local outbox for inspection and never uploaded. */
    LOCAL,
    /** Reports are built once a day and uploaded. */
    ON;

    /**
     * Parses {@code off}, {@code local} or {@code on} in any case; throws naming the accepted values otherwise.
     *
     * @param text the setting's text
     * @return the mode
     * @throws IllegalArgumentException naming the accepted values, for any other text
     */
    public static Consent parse(String text) {
        if (text != null) {
            for (Consent consent : values()) {
                if (consent.name().equalsIgnoreCase(text.trim())) {
                    return consent;
                }
            }
        }
        throw new IllegalArgumentException("consent must be one of off, local, on (was " + text + ")");
    }

    /**
     * The lowercase name used in settings and logs.
     *
     * @return {@code off}, {@code local} or {@code on}
     */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
