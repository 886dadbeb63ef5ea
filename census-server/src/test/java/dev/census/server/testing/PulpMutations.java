package dev.census.server.testing;

import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded mutations of pulpcore's protobuf {@code Analytics} messages: odd field values, unknown
 * and malformed fields, flipped, cut and random bytes, nesting past protobuf's limit, gzip and
 * content types, at each of the three Pulp paths. The same seed gives the same inputs.
 */
public final class PulpMutations {

    /** One request: the path, the body and its headers ({@code null}: header absent). */
    public record Input(String description, String path, byte[] body, String contentType, String contentEncoding) {
    }

    private static final List<String> PATHS = List.of("/", "/api/v1/compat/pulp", "/api/v1/compat/pulp/pulp");
    private static final String[] TEXTS = {"", "core", "3.49.1", "3.22.0.dev", "1.0.0rc1", "2.0.0a6", "a".repeat(64), "a".repeat(65),
        "é", "😀", "a@b.example", "10.0.0.1", "host.corp.example.com", "\u0000", "3 49", "core\nrpm", "x".repeat(5000),
        "123E4567-E89B-42D3-A456-426614174000", "00000000-0000-0000-0000-000000000000", "' OR 1=1 --"};
    private static final int[] COUNTS = {0, 1, 2, 7, 1_000_000_000, 1_000_000_001, Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 90605,
        150004, 999_999};
    private static final String[] CONTENT_TYPES = {null, "application/octet-stream", "application/x-protobuf", "application/protobuf",
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json", ""};

    private final Random random;

    public PulpMutations(Random random) {
        this.random = random;
    }

    /** One input derived from a valid message of a random pulpcore era. */
    public Input next() {
        Analytics.Builder message = valid();
        String path = PATHS.get(random.nextInt(PATHS.size()));
        int choice = random.nextInt(100);
        if (choice < 15) {
            return new Input("valid", path, message.build().toByteArray(), null, null);
        }
        if (choice < 40) {
            return new Input("fields changed", path, changeFields(message).buildPartial().toByteArray(), null, null);
        }
        byte[] bytes = message.build().toByteArray();
        if (choice < 52) {
            return new Input("unknown or malformed fields appended", path, ReportMutations.concat(bytes, rawField()), null, null);
        }
        if (choice < 64) {
            return new Input("bytes changed", path, changeBytes(bytes), null, null);
        }
        if (choice < 72) {
            return new Input("truncated", path, Arrays.copyOf(bytes, random.nextInt(bytes.length)), null, null);
        }
        if (choice < 78) {
            byte[] junk = new byte[random.nextInt(random.nextBoolean() ? 32 : 3000)];
            random.nextBytes(junk);
            return new Input("random bytes", path, junk, null, null);
        }
        if (choice < 82) {
            return new Input("nested past the limit", path, ReportMutations.concat(bytes, nestedGroups(50 + random.nextInt(200))), null, null);
        }
        if (choice < 90) {
            return new Input("content type", path, bytes, CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], null);
        }
        if (choice < 97) {
            return switch (random.nextInt(5)) {
                case 0 -> new Input("gzipped", path, ReportMutations.gzip(bytes), null, "gzip");
                case 1 -> new Input("gzip, not declared", path, ReportMutations.gzip(bytes), null, null);
                case 2 -> new Input("gzip declared, plain body", path, bytes, null, "gzip");
                case 3 -> new Input("gzip bomb", path, ReportMutations.gzip(new byte[200_000 + random.nextInt(1_000_000)]), null, "gzip");
                default -> new Input("another encoding", path, ReportMutations.gzip(bytes), null, List.of("br", "deflate", "GZIP", "x-gzip")
                        .get(random.nextInt(4)));
            };
        }
        return new Input("a product that is not Pulp-compatible", "/api/v1/compat/pulp/" + List.of("demo", "nope", "PULP", "p%2Fulp")
                .get(random.nextInt(4)), bytes, null, null);
    }

    private Analytics.Builder valid() {
        UUID system = new UUID(random.nextLong(), random.nextLong());
        String core = "3." + (21 + random.nextInt(30)) + "." + random.nextInt(5);
        return switch (random.nextInt(3)) {
            case 0 -> PulpPayloads.pulp321(system, core, 1 + random.nextInt(8), 1 + random.nextInt(3));
            case 1 -> PulpPayloads.pulp322(system, core, 1 + random.nextInt(8), 90605 + random.nextInt(100_000));
            default -> PulpPayloads.pulp323(system, core, 1 + random.nextInt(8), 150004, random.nextInt(500));
        };
    }

    private Analytics.Builder changeFields(Analytics.Builder message) {
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            switch (random.nextInt(8)) {
                case 0 -> message.setSystemId(random.nextBoolean() ? TEXTS[random.nextInt(TEXTS.length)] : UUID.randomUUID().toString().toUpperCase());
                case 1 -> message.getOnlineWorkersBuilder().setProcesses(count()).setHosts(count());
                case 2 -> message.getOnlineContentAppsBuilder().setProcesses(count());
                case 3 -> message.setPostgresqlVersion(count());
                case 4 -> message.getRbacStatsBuilder().setUsers(count()).setCustomRoles(count());
                case 5 -> message.addComponents(Analytics.Component.newBuilder().setName(TEXTS[random.nextInt(TEXTS.length)])
                        .setVersion(TEXTS[random.nextInt(TEXTS.length)]));
                case 6 -> {
                    int many = List.of(99, 100, 101, 4000).get(random.nextInt(4));
                    for (int c = 0; c < many; c++) {
                        message.addComponents(PulpPayloads.component("plugin" + c, "1.0." + c));
                    }
                }
                default -> message.clearSystemId();
            }
        }
        return message;
    }

    private int count() {
        return COUNTS[random.nextInt(COUNTS.length)];
    }

    /** A field the schema does not have, or one the wire format cannot hold: odd wire types, huge varints, lengths past the end. */
    private byte[] rawField() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int field = List.of(1, 2, 4, 5, 6, 7, 99, 536_870_911).get(random.nextInt(8));
        int wireType = random.nextInt(8);
        varint(out, ((long) field << 3) | wireType);
        switch (random.nextInt(4)) {
            case 0 -> varint(out, random.nextLong() & Long.MAX_VALUE);
            case 1 -> out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01});
            case 2 -> {
                varint(out, List.of(0, 3, 1_000, Integer.MAX_VALUE).get(random.nextInt(4)));
                out.writeBytes("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            default -> {
                byte[] fixed = new byte[random.nextInt(9)];
                random.nextBytes(fixed);
                out.writeBytes(fixed);
            }
        }
        return out.toByteArray();
    }

    /** Unknown start-group tags nested deeper than protobuf-java's recursion limit (100). */
    private static byte[] nestedGroups(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            varint(out, (99L << 3) | 3);
        }
        for (int i = 0; i < depth; i++) {
            varint(out, (99L << 3) | 4);
        }
        return out.toByteArray();
    }

    private byte[] changeBytes(byte[] body) {
        byte[] out = body.clone();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            if (random.nextBoolean()) {
                out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            } else {
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            }
        }
        return out;
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }
}
