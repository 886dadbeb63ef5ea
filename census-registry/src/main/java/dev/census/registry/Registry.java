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

    /** Every product, in name order. */
    public Collection<ProductDefinition> products() {
        return products.values();
    }
}
