package dev.census.server.relay;

import static java.util.Objects.requireNonNull;

import dev.census.protocol.Channel;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What may leave the organisation: the channels forwarded (production only by default), metrics
 * never forwarded, and whether system IDs leave as pseudonyms. Build it with {@link #builder()}.
 */
public record RelayPolicy(Set<Channel> channels, Set<String> droppedMetrics, boolean pseudonymize) {

    /** Only release builds' reports leave by default: dev reports are the organisation's own business. */
    public static final Set<Channel> DEFAULT_CHANNELS = Set.of(Channel.PRODUCTION);

    public RelayPolicy {
        channels = Set.copyOf(channels);
        droppedMetrics = Set.copyOf(droppedMetrics);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The policy's settings; every one has a default. */
    public static final class Builder {
        private Set<Channel> channels = DEFAULT_CHANNELS;
        private final Set<String> droppedMetrics = new TreeSet<>();
        private boolean pseudonymize;

        private Builder() {
        }

        /** The channels forwarded, by wire name ({@code production}, {@code dev}); at least one. */
        public Builder channels(Collection<String> names) {
            requireNonNull(names, "channels");
            if (names.isEmpty()) {
                throw new IllegalArgumentException("channels must name at least one channel (production, dev)");
            }
            EnumSet<Channel> chosen = EnumSet.noneOf(Channel.class);
            for (String name : names) {
                Channel channel = Channel.fromWire(requireNonNull(name, "channels").trim());
                if (channel == null) {
                    throw new IllegalArgumentException("channels: unknown channel " + name + " (production, dev)");
                }
                chosen.add(channel);
            }
            this.channels = chosen;
            return this;
        }

        /** A metric never forwarded (may be given again for more). */
        public Builder dropMetric(String name) {
            requireNonNull(name, "dropMetric");
            if (name.isBlank()) {
                throw new IllegalArgumentException("dropMetric must name a metric");
            }
            droppedMetrics.add(name.trim());
            return this;
        }

        /** Forwards system IDs as stable pseudonyms (HMAC-SHA-256 under a secret kept in the store). */
        public Builder pseudonymize(boolean pseudonymize) {
            this.pseudonymize = pseudonymize;
            return this;
        }

        public RelayPolicy build() {
            return new RelayPolicy(channels, droppedMetrics, pseudonymize);
        }
    }
}
