package dev.census.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded mutations of valid Census JSON reports: values of other types, huge and tiny numbers,
 * deep nesting, unicode and long strings, duplicate keys, missing and unknown fields, truncation,
 * flipped and random bytes, other character encodings, other content types and gzip variants. The
 * same seed gives the same inputs.
 */
public final class ReportMutations {

    /** One request body and the headers it is sent with ({@code null}: header absent). */
    public record Input(String description, byte[] body, String contentType, String contentEncoding) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "4", "1.5", "1e308", "1.7976931348623157e308",
        "-1.7976931348623157e308", "1e309", "-1e309", "4.9e-324", "1e-400", "18446744073709551617", "-9223372036854775809",
        "9223372036854775807", "123456789012345678901234567890123456789", "0.000000000000000000000000001", "1E3",
        "2.5e+2", "1000000000", "1000000001", "9007199254740993", "-0.0", "1e-7", "100000000000000000000e-20"};
    private static final String[] LITERALS = {"true", "false", "null", "NaN", "Infinity", "-Infinity", "[]", "{}",
        "[1,2,3]", "{\"a\":1}", "[null]", "\"\"", "\"x\"", "\"production\"", "\"dev\"", "\"demo\"", "\"pulp\"", "\"nope\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"😀\"", "\"é\"", "\"\\u202e3.49.1\"", "\"a@b.example\"",
        "\"10.0.0.1\"", "\"host.corp.example.com\"", "\"3.49.1\"", "\"3.50.0.dev\"", "\"1.0.0rc1\"", "\"postgresql\"",
        "\"oracle\"", "\"2026-03-10T12:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
        "\"2026-02-30T12:00:00Z\"", "\"2026-06-30T23:59:60Z\"", "\"2026-03-10T12:00:00+01:00\"", "\"1970-01-01T00:00:00Z\"",
        "\"2026-03-11T07:59:59.999999999Z\"", "\"00000000-0000-0000-0000-000000000000\"",
        "\"123E4567-E89B-42D3-A456-426614174000\"", "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"", "\"\\\\\\\"\""};
    private static final String[] NAMES = {"schema", "product", "system_id", "channel", "sent_at", "components", "metrics",
        "Schema", "ip", "", "__proto__", "constructor", "metrics ", "\u0000", "é", "😀", "workers.processes", "memory.mib",
        "users.count", "tls.enabled", "database.engine", "storage.backend", "no.such", "A", "a..b", ".a", "a.", "x".repeat(300)};
    private static final String[] METRICS = {"workers.processes", "workers.hosts", "users.count", "memory.mib",
        "repositories.count", "content_apps.processes", "tls.enabled", "database.engine", "storage.backend"};
    private static final String[] CONTENT_TYPES = {"application/json; charset=utf-8", "application/json;charset=UTF-16",
        "APPLICATION/JSON", "application/json-seq", "application/jsonx", "text/json", "text/plain", null, "",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
        "application/json, text/plain", "application/json; charset=\"latin1\"", "*/*"};
    private static final String[] ENCODINGS = {"GZIP", "x-gzip", "deflate", "br", "identity", "gzip, gzip", " gzip ",
        "compress", "zstd", "gzip;q=1"};

    private final Random random;

    public ReportMutations(Random random) {
        this.random = random;
    }

    /** One input derived from a valid report body. */
    public Input mutate(String valid) {
        int choice = random.nextInt(100);
        if (choice < 5) {
            return random.nextInt(4) == 0 ? new Input("valid, gzipped", gzip(bytes(valid)), JSON_TYPE, "gzip")
                    : json("valid", valid);
        }
        if (choice < 8) {
            return json("huge but finite numbers", hugeNumbers(valid));
        }
        if (choice < 38) {
            return json("value replaced", replaceValue(valid));
        }
        if (choice < 45) {
            return json("field removed or added", removeOrAddField(valid));
        }
        if (choice < 51) {
            return json("duplicate key", duplicateKey(valid));
        }
        if (choice < 59) {
            return json("metrics mutated", mutateMetrics(valid));
        }
        if (choice < 63) {
            return json("deep nesting", replaceWithRaw(valid, nested(1 + random.nextInt(random.nextBoolean() ? 50 : 3000))));
        }
        if (choice < 67) {
            return json("components mutated", mutateComponents(valid));
        }
        if (choice < 75) {
            byte[] body = bytes(valid);
            return new Input("truncated", Arrays.copyOf(body, random.nextInt(body.length)), JSON_TYPE, null);
        }
        if (choice < 83) {
            return new Input("bytes changed", changeBytes(bytes(valid)), JSON_TYPE, null);
        }
        if (choice < 86) {
            byte[] junk = new byte[random.nextInt(random.nextBoolean() ? 64 : 4000)];
            random.nextBytes(junk);
            return new Input("random bytes", junk, JSON_TYPE, null);
        }
        if (choice < 92) {
            return reencoded(valid);
        }
        return transport(valid);
    }

    private Input json(String description, String body) {
        return new Input(description, bytes(body), JSON_TYPE, null);
    }

    private String replaceValue(String valid) {
        return replaceWithRaw(valid, randomValue());
    }

    private String randomValue() {
        return switch (random.nextInt(5)) {
            case 0, 1 -> NUMBERS[random.nextInt(NUMBERS.length)];
            case 2, 3 -> LITERALS[random.nextInt(LITERALS.length)];
            default -> "\"" + "a".repeat(List.of(63, 64, 65, 1000, 60_000).get(random.nextInt(5))) + "\"";
        };
    }

    /** Replaces one value anywhere in the report with raw JSON text (which may be no valid JSON at all). */
    private String replaceWithRaw(String valid, String raw) {
        ObjectNode root = tree(valid);
        List<Runnable> places = new ArrayList<>();
        collect(root, raw, places);
        places.get(random.nextInt(places.size())).run();
        return write(root);
    }

    private static void collect(JsonNode node, String raw, List<Runnable> places) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                places.add(() -> object.set(name, new POJONode(new RawValue(raw))));
                collect(object.get(name), raw, places);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                places.add(() -> array.set(index, new POJONode(new RawValue(raw))));
                collect(array.get(i), raw, places);
            }
        }
    }

    private String removeOrAddField(String valid) {
        ObjectNode root = tree(valid);
        ObjectNode target = random.nextBoolean() ? root : (ObjectNode) root.get("metrics");
        if (random.nextBoolean() && target.size() > 0) {
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            target.remove(names.get(random.nextInt(names.size())));
        } else {
            target.set(NAMES[random.nextInt(NAMES.length)], new POJONode(new RawValue(randomValue())));
        }
        return write(root);
    }

    /** The same key twice in one object: at the top, in metrics, or in a component. */
    private String duplicateKey(String valid) {
        String value = randomValue();
        return switch (random.nextInt(3)) {
            case 0 -> "{\"" + List.of("schema", "product", "system_id", "channel", "sent_at").get(random.nextInt(5)) + "\":"
                    + value + "," + valid.substring(1);
            case 1 -> valid.replace("\"metrics\":{", "\"metrics\":{\"" + METRICS[random.nextInt(METRICS.length)] + "\":" + value
                    + ",").replace(",}", "}");
            default -> valid.contains("\"components\":[{") ? valid.replace("\"components\":[{", "\"components\":[{\"version\":"
                    + value + ",") : "{\"metrics\":{}," + valid.substring(1);
        };
    }

    /** A report that stays valid but whose numeric metrics are near the largest finite double. */
    private String hugeNumbers(String valid) {
        ObjectNode root = tree(valid);
        ObjectNode metrics = (ObjectNode) root.get("metrics");
        String[] huge = {"1e308", "1.7976931348623157e308", "9e307", "1e300", "4294967295", "1e15"};
        for (String metric : List.of("users.count", "memory.mib", "workers.processes")) {
            if (random.nextBoolean()) {
                metrics.set(metric, new POJONode(new RawValue(huge[random.nextInt(huge.length)])));
            }
        }
        metrics.set("memory.mib", new POJONode(new RawValue(random.nextBoolean() ? "1.7976931348623157e308" : "-1.7976931348623157e308")));
        return write(root);
    }

    private String mutateMetrics(String valid) {
        ObjectNode root = tree(valid);
        ObjectNode metrics = (ObjectNode) root.get("metrics");
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    metrics.set(METRICS[random.nextInt(METRICS.length)], new POJONode(new RawValue(NUMBERS[random.nextInt(NUMBERS.length)])));
                }
            }
            case 1 -> {
                int count = List.of(199, 200, 201, 1000).get(random.nextInt(4));
                for (int i = 0; i < count; i++) {
                    metrics.put("m" + i, i);
                }
            }
            case 2 -> metrics.set(NAMES[random.nextInt(NAMES.length)], new POJONode(new RawValue(randomValue())));
            default -> root.set("metrics", new POJONode(new RawValue(randomValue())));
        }
        return write(root);
    }

    private String mutateComponents(String valid) {
        ObjectNode root = tree(valid);
        ArrayNode components = JSON.createArrayNode();
        int count = List.of(0, 1, 99, 100, 101, 5000).get(random.nextInt(6));
        for (int i = 0; i < count; i++) {
            ObjectNode component = components.addObject();
            component.put("name", random.nextInt(20) == 0 ? NAMES[random.nextInt(NAMES.length)] : "core" + i);
            component.set("version", new POJONode(new RawValue(count <= 101 && random.nextInt(3) == 0 ? randomValue() : "\"3.49." + i + "\"")));
            if (random.nextInt(30) == 0) {
                component.put("extra", 1);
            }
        }
        root.set("components", components);
        return write(root);
    }

    private static String nested(int depth) {
        return depth % 2 == 0 ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private byte[] changeBytes(byte[] body) {
        byte[] out = body.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> {
                int at = random.nextInt(out.length);
                byte[] inserted = new byte[1 + random.nextInt(16)];
                random.nextBytes(inserted);
                out = concat(Arrays.copyOf(out, at), inserted, Arrays.copyOfRange(body, at, body.length));
            }
            default -> {
                int from = random.nextInt(out.length);
                int to = Math.min(out.length, from + 1 + random.nextInt(40));
                out = concat(Arrays.copyOf(out, from), Arrays.copyOfRange(body, to, body.length));
            }
        }
        return out;
    }

    /** The report in another character encoding, with a byte order mark, invalid UTF-8, or non-standard JSON syntax. */
    private Input reencoded(String valid) {
        Charset[] charsets = {StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16, Charset.forName("UTF-32"),
            StandardCharsets.ISO_8859_1};
        return switch (random.nextInt(6)) {
            case 0 -> {
                Charset charset = charsets[random.nextInt(charsets.length)];
                yield new Input("encoded as " + charset, valid.replace("3.49", "3.49é").getBytes(charset), JSON_TYPE, null);
            }
            case 1 -> new Input("with a UTF-8 byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(valid)),
                    JSON_TYPE, null);
            case 2 -> {
                byte[][] invalid = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                    (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC3}};
                int at = valid.indexOf("\"demo\"") + 2;
                yield new Input("invalid UTF-8 in a string", concat(bytes(valid.substring(0, at)), invalid[random.nextInt(invalid.length)],
                        bytes(valid.substring(at))), JSON_TYPE, null);
            }
            case 3 -> json("comments, trailing commas, single quotes", List.of("/* c */" + valid, valid.replace("}}", ",}}"),
                    valid.replace('"', '\''), valid.replace("\"schema\"", "schema"), valid + "\n" + valid, " \t\r\n" + valid + " \n")
                    .get(random.nextInt(6)));
            case 4 -> json("another JSON value", List.of("", " ", "null", "[]", "\"report\"", "1", "{}", "[" + valid + "]", "{\"\":" + valid + "}")
                    .get(random.nextInt(9)));
            default -> json("escaped characters", valid.replace("\"demo\"", List.of("\"\\u0064emo\"", "\"demo\\u0000\"", "\"d\\u0065mo\"",
                    "\"\\ud83d\\ude00\"", "\"de\\/mo\"").get(random.nextInt(5))));
        };
    }

    /** The report as sent over the wire with other headers: content types, encodings, gzip done wrong. */
    private Input transport(String valid) {
        byte[] body = bytes(valid);
        return switch (random.nextInt(9)) {
            case 0 -> new Input("content type", body, CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], null);
            case 1 -> new Input("gzip named otherwise", gzip(body), JSON_TYPE, ENCODINGS[random.nextInt(ENCODINGS.length)]);
            case 2 -> new Input("gzip declared, plain body", body, JSON_TYPE, "gzip");
            case 3 -> new Input("gzip body, not declared", gzip(body), JSON_TYPE, null);
            case 4 -> new Input("gzipped twice", gzip(gzip(body)), JSON_TYPE, "gzip");
            case 5 -> {
                byte[] zipped = gzip(body);
                yield new Input("gzip truncated", Arrays.copyOf(zipped, random.nextInt(zipped.length)), JSON_TYPE, "gzip");
            }
            case 6 -> {
                byte[] zipped = gzip(body);
                zipped[10 + random.nextInt(zipped.length - 10)] ^= (byte) (1 << random.nextInt(8));
                yield new Input("gzip corrupted", zipped, JSON_TYPE, "gzip");
            }
            case 7 -> new Input("gzip with trailing bytes or a second member", random.nextBoolean()
                    ? concat(gzip(body), new byte[] {1, 2, 3}) : concat(gzip(body), gzip(body)), JSON_TYPE, "gzip");
            default -> new Input("gzip bomb", gzip(bytes(valid.replace("{\"schema\"", " ".repeat(100_000 + random.nextInt(2_000_000))
                    + "{\"schema\""))), JSON_TYPE, "gzip");
        };
    }

    private static ObjectNode tree(String valid) {
        try {
            return (ObjectNode) JSON.readTree(valid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
