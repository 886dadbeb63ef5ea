package dev.census.cli;

import dev.census.registry.MetricDefinition;
import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import dev.census.server.store.ReportStore;
import dev.census.server.store.DayAggregator.MetricUsage;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code census metrics audit --product P}: the data-audit view — per metric its status, the
 * version that first collects it, the last day a kept report carried it and how many did; metrics
 * that arrive but are not in the registry show up as well.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Per metric: status, first version, last day received and reports carrying it (from a stopped server's data dir, or a PostgreSQL database).")
final class MetricsAuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, description = "The product to audit.")
    String product;

    @Mixin
    StoreOptions store;

    @Mixin
    RegistryOptions registry;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Registry loaded = registry.load();
        PrintWriter err = spec.commandLine().getErr();
        err.println(registry.describe(loaded));
        ProductDefinition definition = loaded.product(product).orElse(null);
        if (definition == null) {
            err.println("--product: unknown product " + product + " in " + registry.source() + ", which defines "
                    + loaded.products().stream().map(ProductDefinition::name).collect(Collectors.joining(", "))
                    + "; give the registry directory that defines it with --registry DIR (CENSUS_REGISTRY)");
            return 2;
        }
        Map<String, MetricUsage> usage;
        try (ReportStore opened = store.open()) {
            registry.requireCovers(loaded, opened.products());
            usage = opened.metricUsage(product);
        }
        TreeSet<String> names = new TreeSet<>(definition.metrics().keySet());
        names.addAll(usage.keySet());
        out.printf("%-32s %-10s %-10s %-12s %s%n", "metric", "status", "since", "last day", "reports (kept)");
        for (String name : names) {
            MetricDefinition metric = definition.metrics().get(name);
            MetricUsage used = usage.get(name);
            out.printf("%-32s %-10s %-10s %-12s %d%n", name,
                    metric == null ? "unknown" : metric.status().wireName(),
                    metric == null || metric.governance().sinceVersion().isEmpty() ? "-" : metric.governance().sinceVersion(),
                    used == null ? "never" : used.lastDay(), used == null ? 0 : used.reports());
        }
        out.flush();
        return 0;
    }
}
