package dev.census.protocol;

import java.util.Collection;

/** The channel a report belongs to: release builds report to production, everything else to dev. */
public enum Channel {
    /** Release builds: every component version is a strict {@code X.Y.Z}. */
    PRODUCTION("production"),
    /** Pre-release and development builds. */
    DEV("dev");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in JSON and in the public API.
     *
     * @return {@code production} or {@code dev}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name.
     *
     * @param name the name as JSON carries it
     * @return the channel, or {@code null} when the name is neither "production" nor "dev"
     */
    public static Channel fromWire(String name) {
        for (Channel channel : values()) {
            if (channel.wireName.equals(name)) {
                return channel;
            }
        }
        return null;
    }

    /**
     * The channel of a set of component versions.
     *
     * @param versions the component versions of a report
     * @return production when every version is a strict {@code X.Y.Z} release, dev otherwise (and for none)
     */
    public static Channel forVersions(Collection<String> versions) {
        if (versions.isEmpty()) {
            return DEV;
        }
        for (String version : versions) {
            if (!Version.isRelease(version)) {
                return DEV;
            }
        }
        return PRODUCTION;
    }
}
