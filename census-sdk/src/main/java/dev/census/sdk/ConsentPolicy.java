package dev.census.sdk;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Decides the effective mode: the environment ({@code DO_NOT_TRACK=1}, {@code CENSUS_MODE})
 * always wins, then the admin's choice on record, then the default for installations that
 * predate telemetry, then the application's default; {@code CI=true} never uploads.
 */
final class ConsentPolicy {

    /** The decision and the reason for it, shown in the start-up notice. */
    record Decision(Consent mode, String reason) {
        boolean uploads() {
            return mode == Consent.ON;
        }
    }

    private final Map<String, String> environment;
    private final Consent onRecord;
    private final Consent appDefault;
    private final Consent upgradeDefault;
    private final BooleanSupplier predatesTelemetry;

    ConsentPolicy(Map<String, String> environment, Consent onRecord, Consent appDefault,
                  Consent upgradeDefault, BooleanSupplier predatesTelemetry) {
        this.environment = environment;
        this.onRecord = onRecord;
        this.appDefault = appDefault;
        this.upgradeDefault = upgradeDefault;
        this.predatesTelemetry = predatesTelemetry;
    }

    /** The decision when it can be made without reading the store (the environment or the admin forces it). */
    Optional<Decision> withoutStore() {
        Optional<Decision> forced = forcedOff();
        if (forced.isPresent()) {
            return forced;
        }
        if (onRecord != null) {
            return Optional.of(limit(new Decision(onRecord, "the application's setting")));
        }
        if (upgradeDefault == null) {
            return Optional.of(limit(new Decision(appDefault, "the application's default")));
        }
        return Optional.empty();
    }

    /** True when the installation is OFF whatever the store holds, so the store need not be read. */
    boolean certainlyOff() {
        Optional<Decision> quick = withoutStore();
        return quick.isPresent() ? quick.get().mode() == Consent.OFF
                : appDefault == Consent.OFF && upgradeDefault == Consent.OFF;
    }

    /** The decision for an installation that does (or, as a new one, would) predate telemetry or not. */
    Decision decide(boolean upgraded) {
        Optional<Decision> quick = withoutStore();
        if (quick.isPresent()) {
            return quick.get();
        }
        return limit(upgraded
                ? new Decision(upgradeDefault, "the default for installations that predate telemetry")
                : new Decision(appDefault, "the application's default"));
    }

    /** Whether a new installation predates telemetry, as the application says; false if it cannot say. */
    boolean predatesTelemetry() {
        if (predatesTelemetry == null) {
            return false;
        }
        try {
            return predatesTelemetry.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Optional<Decision> forcedOff() {
        String dnt = env("DO_NOT_TRACK");
        if ("1".equals(dnt) || "true".equalsIgnoreCase(dnt)) {
            return Optional.of(new Decision(Consent.OFF, "DO_NOT_TRACK=" + dnt));
        }
        if ("off".equalsIgnoreCase(env("CENSUS_MODE"))) {
            return Optional.of(new Decision(Consent.OFF, "CENSUS_MODE=off"));
        }
        return Optional.empty();
    }

    private Decision limit(Decision decision) {
        if (decision.mode() == Consent.ON && "local".equalsIgnoreCase(env("CENSUS_MODE"))) {
            return new Decision(Consent.LOCAL, "CENSUS_MODE=local");
        }
        if (decision.mode() == Consent.ON && "true".equalsIgnoreCase(env("CI"))) {
            return new Decision(Consent.LOCAL, "CI=true (continuous integration never uploads)");
        }
        return decision;
    }

    private String env(String name) {
        String value = environment.get(name);
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
