package dev.census.server.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.census.protocol.Channel;
import dev.census.protocol.InvalidReportException;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Report;
import dev.census.protocol.WireRules;
import dev.census.server.json.CensusJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns a request body into a {@link Report}: JSON syntax and types first ({@link Rejection.Kind#MALFORMED}:
 * also a key given twice, or a number its field cannot hold), then the wire rules of Census JSON v1
 * ({@link Rejection.Kind#INVALID}). Every error names the field at fault.
 */
final class ReportDecoder {

    private static final Set<String> FIELDS = Set.of("schema", "product", "system_id", "channel", "sent_at", "components", "metrics");

    /** Strict: a key given twice is an error, never "the last one wins"; so is anything after the object. */
    private final ObjectReader json = CensusJson.STRICT_READER;

    Report decode(byte[] body) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw syntax(null, "the body must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw syntax(name, "unknown field");
            }
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isIntegralNumber()) {
            throw syntax("schema", "must be the number " + WireRules.SCHEMA);
        }
        if (!schema.canConvertToLong()) {
            throw syntax("schema", "number out of range: must be the number " + WireRules.SCHEMA);
        }
        if (schema.asLong() != WireRules.SCHEMA) {
            throw invalid("schema", "unsupported schema " + schema.asText() + "; this server speaks " + WireRules.SCHEMA);
        }
        try {
            Report.Builder report = Report.builder()
                    .product(text(root, "product"))
                    .systemId(text(root, "system_id"))
                    .sentAt(instant(text(root, "sent_at")));
            Channel channel = Channel.fromWire(text(root, "channel"));
            if (channel == null) {
                throw invalid("channel", "must be \"production\" or \"dev\"");
            }
            report.channel(channel);
            components(root.get("components"), report);
            metrics(root.get("metrics"), report);
            return report.build();
        } catch (InvalidReportException e) {
            throw invalid(e.field(), e.detail());
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw syntax(null, "the body is empty");
            }
            return root;
        } catch (StreamReadException e) {
            throw syntax(duplicateKey(e), "malformed JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw syntax(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw syntax(null, "unreadable body: " + e.getMessage());
        }
    }

    private static void components(JsonNode components, Report.Builder report) {
        if (components == null || !components.isArray()) {
            throw syntax("components", "must be an array of {name, version}");
        }
        if (components.size() > WireRules.MAX_COMPONENTS) {
            throw invalid("components", "at most " + WireRules.MAX_COMPONENTS + " components");
        }
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            String path = "components[" + i + "]";
            if (!component.isObject() || component.size() != 2) {
                throw syntax(path, "must be an object with exactly name and version");
            }
            try {
                report.component(text(component, "name", path + ".name"), text(component, "version", path + ".version"));
            } catch (InvalidReportException e) {
                throw invalid(e.field().replace("components[]", path), e.detail());
            }
        }
    }

    private static void metrics(JsonNode metrics, Report.Builder report) {
        if (metrics == null || !metrics.isObject()) {
            throw syntax("metrics", "must be an object of name: value");
        }
        if (metrics.size() > WireRules.MAX_METRICS) {
            throw invalid("metrics", "at most " + WireRules.MAX_METRICS + " metrics");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = metrics.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = "metrics." + field.getKey();
            JsonNode value = field.getValue();
            MetricValue metric;
            if (value.isNumber()) {
                if (!Double.isFinite(value.asDouble())) {
                    throw syntax(path, "number out of range");
                }
                metric = MetricValue.of(value.asDouble());
            } else if (value.isBoolean()) {
                metric = MetricValue.of(value.asBoolean());
            } else if (value.isTextual()) {
                metric = textValue(value.asText(), path);
            } else {
                throw syntax(path, "must be a number, a boolean or a string");
            }
            try {
                report.metric(field.getKey(), metric);
            } catch (InvalidReportException e) {
                throw invalid(path, e.detail());
            }
        }
    }

    /**
     * The key given twice, as the problem's {@code field} ({@code components[0].version},
     * {@code metrics.workers.processes}); null for any other syntax error.
     */
    private static String duplicateKey(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null || e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                path.insert(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                path.insert(0, "." + context.getCurrentName());
            }
        }
        return path.isEmpty() ? null : path.substring(path.charAt(0) == '.' ? 1 : 0);
    }

    private static MetricValue textValue(String text, String path) {
        try {
            return MetricValue.of(text);
        } catch (InvalidReportException e) {
            throw invalid(path, e.detail());
        }
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw syntax(path, "is required");
        }
        if (!value.isTextual()) {
            throw syntax(path, "must be a string");
        }
        return value.asText();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("sent_at", "must be an RFC 3339 UTC timestamp such as 2026-01-31T12:00:00Z");
        }
    }

    private static Rejection syntax(String field, String detail) {
        return new Rejection(Rejection.Kind.MALFORMED, field, detail);
    }

    private static Rejection invalid(String field, String detail) {
        return new Rejection(Rejection.Kind.INVALID, field, detail);
    }
}
