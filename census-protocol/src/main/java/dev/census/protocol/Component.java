package dev.census.protocol;

/** One installed component of a reporting system: its name and version. */
public record Component(String name, String version) {

    public Component {
        WireRules.requireComponentName(name, "components[].name");
        WireRules.requireVersion(version, "components[].version");
    }
}
