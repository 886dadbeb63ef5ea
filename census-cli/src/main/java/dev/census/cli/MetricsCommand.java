package dev.census.cli;

import dev.census.registry.LintProblem;
import dev.census.registry.MetricTemplate;
import dev.census.registry.ProductTemplate;
import dev.census.registry.RegistryLinter;
import dev.census.registry.RegistryLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code census metrics}: scaffold, lint and audit the metric registry. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Propose metrics and check the registry (metrics/<product>/<name>.yaml).",
        subcommands = {MetricsCommand.New.class, MetricsCommand.Lint.class, MetricsAuditCommand.class})
public final class MetricsCommand implements Runnable {

    /** Where the registry lives unless told otherwise. */
    static final String DEFAULT_DIR = "metrics";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code census metrics new --product P [--dir DIR] NAME}: writes a proposal with every question
     * unanswered, and the product's {@code product.yaml} when it has none.
     */
    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Write DIR/PRODUCT/NAME.yaml: every question of the working group, unanswered, status proposed.",
                    "Writes DIR/PRODUCT/product.yaml too when the product has none (--title, --description)."})
    static final class New implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--product", required = true, description = "The product the metric belongs to.")
        String product;

        @Option(names = "--dir", defaultValue = DEFAULT_DIR, description = "The registry folder (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Parameters(index = "0", paramLabel = "NAME", description = "The metric name, lowercase dotted words: tasks.failed")
        String name;

        @Option(names = "--title", description = "The product's title on the dashboard, for a new product.yaml (default: the product name).")
        String title;

        @Option(names = "--description", description = "The product's description on its about page, for a new product.yaml.")
        String description;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            String yaml;
            String productYaml;
            try {
                yaml = MetricTemplate.yaml(product, name);
                productYaml = ProductTemplate.yaml(product, title, description);
            } catch (IllegalArgumentException e) {
                err.println("census metrics new: " + e.getMessage());
                return 2;
            }
            Path file = dir.resolve(product).resolve(name + ".yaml");
            Files.createDirectories(file.getParent());
            try {
                Files.writeString(file, yaml, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                err.println("census metrics new: " + file + " already exists");
                return 1;
            }
            Path productFile = file.resolveSibling(RegistryLoader.PRODUCT_FILE);
            if (!Files.exists(productFile)) {
                Files.writeString(productFile, productYaml, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                spec.commandLine().getOut().println("wrote " + productFile + ": the product " + product
                        + " (check its title, description and components)");
            }
            spec.commandLine().getOut().println("wrote " + file + ": answer every question, then run census metrics lint "
                    + dir);
            return 0;
        }
    }

    /** {@code census metrics lint [DIR]}: one line per problem, exit 1 when there is any. */
    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "Check every metric file below DIR; prints file:field: problem and exits 1 on any problem.")
    static final class Lint implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", defaultValue = DEFAULT_DIR, paramLabel = "DIR",
                description = "The registry folder (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(dir)) {
                err.println("census metrics lint: " + dir + " is not a directory");
                return 2;
            }
            RegistryLinter linter = RegistryLinter.standard();
            List<Path> files = RegistryLoader.metricFiles(dir);
            List<LintProblem> problems = new ArrayList<>(RegistryLoader.missingProducts(dir));
            for (Path file : files) {
                problems.addAll(RegistryLoader.lint(linter, file));
            }
            problems.forEach(out::println);
            out.flush();
            err.println(problems.isEmpty()
                    ? Plural.of(files.size(), "metric file") + ", no problems"
                    : Plural.of(problems.size(), "problem") + " in " + Plural.of(files.size(), "metric file"));
            return problems.isEmpty() ? 0 : 1;
        }
    }
}
