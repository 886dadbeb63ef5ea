package dev.census.server.relay;

import java.util.Arrays;

/** The wire format a report came in, which is the one it leaves in: where upstream takes it, and as what. */
public enum Wire {
    /** Census JSON v1, posted to the upstream's report endpoint. */
    CENSUS_JSON("census-json", "api/v1/reports", "application/json"),
    /** pulpcore's protobuf {@code Analytics} message, posted to {@code /} as Pulp's own analytics site takes it. */
    PULP_PROTOBUF("pulp-protobuf", "", "application/octet-stream");

    private final String wireName;
    private final String path;
    private final String contentType;

    Wire(String wireName, String path, String contentType) {
        this.wireName = wireName;
        this.path = path;
        this.contentType = contentType;
    }

    /** The name the queue stores and the admin API shows. */
    public String wireName() {
        return wireName;
    }

    /** The upstream path, relative to the upstream's base URL. */
    public String path() {
        return path;
    }

    public String contentType() {
        return contentType;
    }

    static Wire fromWire(String name) {
        return Arrays.stream(values()).filter(wire -> wire.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown relay format " + name));
    }
}
