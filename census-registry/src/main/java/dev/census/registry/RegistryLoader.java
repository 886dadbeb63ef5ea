package dev.census.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a registry directory: one folder per product holding {@code product.yaml} (name, title,
 * description, components, and optionally {@code compat: pulp} and {@code persistent_only: true}) and
 * one YAML file per metric (a count or gauge with its range: {@code min}, {@code max}, or its type's
 * default). The bundled registry is the repository's {@code metrics/} folder, packed into the jar.
 * The one place that parses registry YAML: the server loads through it, {@code census metrics lint}
 * lints through it.
 */
public final class RegistryLoader {

    /** Where the build puts the repository's metrics/ folder on the classpath. */
    static final String BUNDLED = "census/registry";
    /** The file that defines a product, in its folder. */
    public static final String PRODUCT_FILE = "product.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RegistryLoader() {
    }

    /** The registry bundled with the server. */
    public static Registry bundled() {
        URL url = RegistryLoader.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            throw new IllegalStateException("the bundled registry " + BUNDLED + " is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return fromDirectory(jar.getPath(BUNDLED));
                }
            }
            return fromDirectory(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the bundled registry: " + e.getMessage(), e);
        }
    }

    /** Reads every product folder below a directory. */
    public static Registry fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("registry directory " + directory + " does not exist");
        }
        List<ProductDefinition> products = new ArrayList<>();
        try (Stream<Path> folders = Files.list(directory)) {
            for (Path folder : folders.sorted().toList()) {
                if (Files.isRegularFile(folder.resolve(PRODUCT_FILE))) {
                    products.add(readProduct(folder));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registry " + directory, e);
        }
        return new Registry(products);
    }

    /**
     * Every metric file below a registry directory, as {@code census metrics lint} checks them: the
     * {@code .yaml} and {@code .yml} files in each folder below it, {@code product.yaml} excepted, sorted.
     */
    public static List<Path> metricFiles(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory, 2)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> !path.getParent().equals(directory))
                    .filter(path -> {
                        String name = path.getFileName().toString();
                        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals(PRODUCT_FILE);
                    })
                    .sorted()
                    .toList();
        }
    }

    /**
     * One problem per product folder below a registry directory that holds metric files but no
     * {@code product.yaml}: without it the server ignores those metrics, and the product with them.
     */
    public static List<LintProblem> missingProducts(Path directory) throws IOException {
        return metricFiles(directory).stream().map(Path::getParent).distinct()
                .filter(folder -> !Files.isRegularFile(folder.resolve(PRODUCT_FILE)))
                .map(folder -> new LintProblem(folder.resolve(PRODUCT_FILE).toString(), "-",
                        "missing: the metric files of " + folder.getFileName() + " need it (name, title, description;"
                                + " census metrics new --product " + folder.getFileName() + " writes one)"))
                .toList();
    }

    /**
     * The problems of one metric file: the linter's, or the one problem (field {@code -}) that the
     * file cannot be read, is not YAML, or is not a map of fields.
     */
    public static List<LintProblem> lint(RegistryLinter linter, Path file) {
        Object parsed;
        try {
            parsed = YAML.readValue(file.toFile(), Object.class);
        } catch (JacksonException e) {
            return List.of(new LintProblem(file.toString(), "-", "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return List.of(new LintProblem(file.toString(), "-", "cannot read: " + e.getMessage()));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            return List.of(new LintProblem(file.toString(), "-", "must be a map of fields"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return linter.lint(file.toString(), fields);
    }

    private static ProductDefinition readProduct(Path folder) throws IOException {
        JsonNode product = read(folder.resolve(PRODUCT_FILE));
        String name = required(product, "name", folder.resolve(PRODUCT_FILE));
        Set<String> components = new HashSet<>();
        product.path("components").forEach(component -> components.add(component.asText()));
        Map<String, MetricDefinition> metrics = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".yaml") && !fileName.equals(PRODUCT_FILE)) {
                    MetricDefinition metric = readMetric(file);
                    metrics.put(metric.name(), metric);
                }
            }
        }
        JsonNode persistentOnly = product.path("persistent_only");
        if (!persistentOnly.isMissingNode() && !persistentOnly.isBoolean()) {
            throw new IllegalArgumentException(folder.resolve(PRODUCT_FILE) + ": persistent_only: must be true or false");
        }
        try {
            return new ProductDefinition(name, product.path("title").asText(null), product.path("description").asText(null),
                    components, metrics, product.path("compat").asText(null), persistentOnly.asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(folder.resolve(PRODUCT_FILE) + ": " + e.getMessage(), e);
        }
    }

    private static MetricDefinition readMetric(Path file) throws IOException {
        JsonNode metric = read(file);
        String name = required(metric, "name", file);
        MetricType type = MetricType.fromWire(required(metric, "type", file));
        if (type == null) {
            throw new IllegalArgumentException(file + ": type: unknown metric type " + metric.path("type").asText());
        }
        MetricStatus status = MetricStatus.fromWire(required(metric, "status", file));
        if (status == null) {
            throw new IllegalArgumentException(file + ": status: unknown status " + metric.path("status").asText());
        }
        List<String> allowed = new ArrayList<>();
        metric.path("allowed_values").forEach(value -> allowed.add(value.asText()));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = YAML.convertValue(metric, Map.class);
            return new MetricDefinition(name, type, metric.path("unit").asText(null), metric.path("question").asText(null),
                    allowed, status, Governance.fromFields(fields), ValueRange.fromFields(fields, type),
                    metric.path("title").asText(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return YAML.readTree(in);
        }
    }

    private static String required(JsonNode node, String field, Path file) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(file + ": " + field + ": is required");
        }
        return value;
    }
}
