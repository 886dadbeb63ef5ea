package dev.census.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The products this server accepts, each with its known components and metric definitions. */
public final class Registry {

    private final Map<String, ProductDefinition> products;

    public Registry(Collection<ProductDefinition> products) {
        TreeMap<String, ProductDefinition> byName = new TreeMap<>();
        for (ProductDefinition product : products) {
            if (byName.put(product.name(), product) != null) {
                throw new IllegalArgumentException("product " + product.name() + " is defined twice");
            }
        }
        this.products = java.util.Collections.unmodifiableMap(byName);
    }

    public Optional<ProductDefinition> product(String name) {
        return Optional.ofNullable(products.get(name));
    }

    /** Each product with its approved-metric count, for one line of a log: {@code demo: 8 approved metrics, pulp: 1 approved metric}. */
    public String summary() {
        return products.values().stream().map(product -> {
            long approved = product.metrics().values().stream().filter(metric -> metric.status() == MetricStatus.APPROVED).count();
            return product.name() + ": " + approved + (approved == 1 ? " approved metric" : " approved metrics");
        }).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Every product, in name order. */
    public Collection<ProductDefinition> products() {
        return products.values();
    }
}
