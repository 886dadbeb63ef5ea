package dev.census.server.vocabulary;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a metric is published under, by its family: the fleet, its age and demography, the
 * components and each one's versions by X.Y and X.Y.Z, and the registry's metrics (a version
 * metric also by X.Y.Z). {@code subject} is the component or registry metric, empty for the others.
 */
public record PublishedMetric(Family family, String subject) {

    /** Which published metric a name is, and how its name is formed. */
    public enum Family {
        /** {@code systems}: the {@link FleetBucket}s. */
        FLEET,
        /** {@code systems.age_days}: days since first seen of the day's active systems, power-of-two buckets. */
        AGE,
        /** {@code systems.demography}: {@link Statistic}s of the days since first seen of the day's active systems. */
        DEMOGRAPHY,
        /** {@code components}: systems running each component. */
        COMPONENTS,
        /** {@code components.<component>.xy}: systems per X.Y version of one component. */
        COMPONENT_XY,
        /** {@code components.<component>.xyz}: systems per X.Y.Z version of one component. */
        COMPONENT_XYZ,
        /** {@code <metric>}: a registry metric, under its own name. */
        METRIC,
        /** {@code <metric>.xyz}: a registry version metric by X.Y.Z (its X.Y series is {@link #METRIC}). */
        METRIC_XYZ
    }

    public static final PublishedMetric SYSTEMS = new PublishedMetric(Family.FLEET, "");
    public static final PublishedMetric AGE = new PublishedMetric(Family.AGE, "");
    public static final PublishedMetric DEMOGRAPHY = new PublishedMetric(Family.DEMOGRAPHY, "");
    public static final PublishedMetric COMPONENTS = new PublishedMetric(Family.COMPONENTS, "");

    private static final String XY = ".xy";
    private static final String XYZ = ".xyz";
    private static final Pattern COMPONENT = Pattern.compile("components\\.(.+)(\\.xyz?)");

    public PublishedMetric {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(subject, "subject");
        boolean named = switch (family) {
            case FLEET, AGE, DEMOGRAPHY, COMPONENTS -> false;
            default -> true;
        };
        if (named == subject.isEmpty()) {
            throw new IllegalArgumentException("subject must be " + (named ? "given" : "empty") + " for " + family);
        }
    }

    /** The X.Y versions of a component. */
    public static PublishedMetric componentXy(String component) {
        return new PublishedMetric(Family.COMPONENT_XY, component);
    }

    /** The X.Y.Z versions of a component. */
    public static PublishedMetric componentXyz(String component) {
        return new PublishedMetric(Family.COMPONENT_XYZ, component);
    }

    /** A registry metric (a version metric's X.Y series). */
    public static PublishedMetric metric(String name) {
        return new PublishedMetric(Family.METRIC, name);
    }

    /** A registry version metric's X.Y.Z series. */
    public static PublishedMetric metricXyz(String name) {
        return new PublishedMetric(Family.METRIC_XYZ, name);
    }

    /**
     * The published metric a name is, by its form: the fixed names first, then the components'
     * versions, then a registry metric's X.Y.Z series, else a registry metric.
     */
    public static PublishedMetric parse(String name) {
        for (PublishedMetric fixed : new PublishedMetric[] {SYSTEMS, AGE, DEMOGRAPHY, COMPONENTS}) {
            if (fixed.name().equals(name)) {
                return fixed;
            }
        }
        Matcher component = COMPONENT.matcher(name);
        if (component.matches()) {
            return component.group(2).equals(XY) ? componentXy(component.group(1)) : componentXyz(component.group(1));
        }
        if (name.endsWith(XYZ) && name.length() > XYZ.length()) {
            return metricXyz(name.substring(0, name.length() - XYZ.length()));
        }
        return metric(name);
    }

    /** The name it is published under. */
    public String name() {
        return switch (family) {
            case FLEET -> "systems";
            case AGE -> "systems.age_days";
            case DEMOGRAPHY -> "systems.demography";
            case COMPONENTS -> "components";
            case COMPONENT_XY -> "components." + subject + XY;
            case COMPONENT_XYZ -> "components." + subject + XYZ;
            case METRIC -> subject;
            case METRIC_XYZ -> subject + XYZ;
        };
    }

    /** Whether this is a series by X.Y.Z, drawn beside its X.Y series. */
    public boolean isXyz() {
        return family == Family.COMPONENT_XYZ || family == Family.METRIC_XYZ;
    }

    /** The X.Y.Z series beside this X.Y one (a component's, or a registry metric's); empty for the other families. */
    public Optional<PublishedMetric> xyz() {
        return switch (family) {
            case COMPONENT_XY -> Optional.of(componentXyz(subject));
            case METRIC -> Optional.of(metricXyz(subject));
            default -> Optional.empty();
        };
    }

    /** The X.Y series this X.Y.Z one stands beside; empty for the other families. */
    public Optional<PublishedMetric> xy() {
        return switch (family) {
            case COMPONENT_XYZ -> Optional.of(componentXy(subject));
            case METRIC_XYZ -> Optional.of(metric(subject));
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
