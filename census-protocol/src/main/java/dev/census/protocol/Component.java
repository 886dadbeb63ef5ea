package dev.census.protocol;

/**
 * One installed component of a reporting system: its name and version.
 *
 * @param name the component's name, 1-64 letters, digits or {@code _.+-}
 * @param version its version, 1-64 letters, digits or {@code _.+!-}
 */
public record Component(String name, String version) {

    /**
     * Checks both against the wire rules, naming the offending field.
     *
     * @param name the component's name
     * @param version its version
     */
    public Component {
        WireRules.requireComponentName(name, "components[].name");
        WireRules.requireVersion(version, "components[].version");
    }
}
