package dev.census.cli;

import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import dev.census.registry.RegistryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The metric registry a command works with: the bundled one, or a directory that overrides it. */
final class RegistryOptions {

    @Option(names = "--registry", defaultValue = "${env:CENSUS_REGISTRY}",
            description = "Registry directory overriding the bundled one (CENSUS_REGISTRY).")
    Path registry;

    /**
     * The registry; a directory that yields no product is refused, naming the file to create, since a
     * server on it would accept nothing and show nothing.
     */
    Registry load() {
        if (registry == null) {
            return RegistryLoader.bundled();
        }
        Registry loaded = RegistryLoader.fromDirectory(registry);
        if (loaded.products().isEmpty()) {
            throw new IllegalArgumentException("the registry " + registry + " defines no product: create "
                    + productFileToCreate() + " (census metrics new --dir " + registry + " --product NAME METRIC writes it)");
        }
        return loaded;
    }

    private Path productFileToCreate() {
        try {
            List<Path> files = RegistryLoader.metricFiles(registry);
            Path folder = files.isEmpty() ? registry.resolve("PRODUCT") : files.get(0).getParent();
            return folder.resolve(RegistryLoader.PRODUCT_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the registry comes from, for one line of a command's output: {@code the bundled registry}. */
    String source() {
        return registry == null ? "the bundled registry" : "the registry " + registry;
    }

    /** Where the registry was read: its directory, or {@code bundled}. */
    String directory() {
        return registry == null ? "bundled" : registry.toString();
    }

    /** One line naming the registry and each product with its approved-metric count. */
    String describe(Registry loaded) {
        return "registry: " + directory() + " (" + loaded.summary() + ")";
    }

    /**
     * Refuses data that holds products the registry lacks: their reports would be summarized
     * and audited as unknown, so the command would seem to work and say nothing.
     */
    void requireCovers(Registry loaded, Collection<String> storedProducts) {
        TreeSet<String> missing = new TreeSet<>(storedProducts);
        loaded.products().forEach(product -> missing.remove(product.name()));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the data holds " + (missing.size() == 1 ? "product " : "products ")
                    + String.join(", ", missing) + ", which " + source() + " lacks (it has "
                    + loaded.products().stream().map(ProductDefinition::name).collect(Collectors.joining(", "))
                    + "): give the registry directory that defines " + (missing.size() == 1 ? "it" : "them")
                    + " with --registry DIR (CENSUS_REGISTRY)");
        }
    }
}
