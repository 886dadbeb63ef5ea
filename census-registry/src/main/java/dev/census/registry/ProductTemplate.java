package dev.census.registry;

import dev.census.protocol.WireRules;

/** The {@code product.yaml} that {@code census metrics new} writes for a product that has none. */
public final class ProductTemplate {

    private static final String TEMPLATE = """
            # Census product: %1$s. The server accepts reports of a product only when this file exists;
            # each metric is a file beside it. docs/governance.md explains the process.
            name: %1$s
            # The name shown on the dashboard.
            title: %2$s
            # One or two sentences shown on the product's about page (`code` in backticks is allowed).
            description: %3$s
            # The components whose versions installations report, e.g. [core, plugin-a]; others are
            # published as "other".
            components: []
            """;

    private ProductTemplate() {
    }

    /** The YAML text of a product; a null or blank title is the name, a null description is empty. */
    public static String yaml(String name, String title, String description) {
        WireRules.requireProduct(name, "product");
        return TEMPLATE.formatted(name, quoted(title == null || title.isBlank() ? name : title),
                description == null || description.isBlank() ? "" : quoted(description));
    }

    /** A YAML double-quoted scalar, so any text (a colon, a leading dash) stays text. */
    private static String quoted(String text) {
        return '"' + text.strip().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
    }
}
