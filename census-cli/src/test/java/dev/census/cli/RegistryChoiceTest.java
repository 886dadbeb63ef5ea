package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.registry.ProductDefinition;
import dev.census.registry.RegistryLoader;
import dev.census.server.CensusServer;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** No silent registry: every command says which registry it uses and refuses one that cannot serve the data. */
class RegistryChoiceTest {

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    private int census(String... args) {
        return cli.run(args);
    }

    private Path registry() {
        return dir.resolve("metrics");
    }

    @Test
    void metricsNewWritesTheProductFileWhenTheProductHasNoneAndAsksNothing() throws IOException {
        assertThat(census("metrics", "new", "--dir", registry().toString(), "--product", "acme",
                "--title", "Acme: the manager", "--description", "Manages `things`.", "jobs.count")).isZero();

        assertThat(cli.out()).contains("wrote " + registry().resolve("acme/jobs.count.yaml"),
                "wrote " + registry().resolve("acme/product.yaml"));
        Files.delete(registry().resolve("acme/jobs.count.yaml")); // unanswered, it would not load
        ProductDefinition acme = RegistryLoader.fromDirectory(registry()).product("acme").orElseThrow();
        assertThat(acme.title()).isEqualTo("Acme: the manager");
        assertThat(acme.description()).isEqualTo("Manages `things`.");

        Files.writeString(registry().resolve("acme/product.yaml"), "name: acme\ntitle: Kept\n");
        assertThat(census("metrics", "new", "--dir", registry().toString(), "--product", "acme", "jobs.failed")).isZero();
        assertThat(Files.readString(registry().resolve("acme/product.yaml"))).as("an existing product is kept").contains("Kept");
    }

    @Test
    void metricsLintFailsOnMetricFilesWithoutTheirProductNamingTheFileToCreate() throws IOException {
        census("metrics", "new", "--dir", registry().toString(), "--product", "acme", "jobs.count");
        Files.delete(registry().resolve("acme/product.yaml"));

        assertThat(census("metrics", "lint", registry().toString())).isEqualTo(1);

        assertThat(cli.out()).contains(registry().resolve("acme/product.yaml") + ":-: missing: ");
        assertThat(cli.err()).as("the twelve unanswered questions of a new proposal, and the missing product").contains("13 problems in 1 metric file");
    }

    /** Today's server would start on the empty registry and serve until stopped: the timeout turns that into a failure. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void serveRefusesARegistryWithoutAProductNamingTheFileToCreate() throws IOException {
        census("metrics", "new", "--dir", registry().toString(), "--product", "acme", "jobs.count");
        Files.delete(registry().resolve("acme/product.yaml"));

        int exit = census("serve", "--port", "0", "--bind", "127.0.0.1", "--data-dir", dir.resolve("data").toString(),
                "--registry", registry().toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("defines no product: create " + registry().resolve("acme/product.yaml"));
    }

    @Test
    void summarizeSaysWhichRegistryItUsesAndRefusesDataOfProductsTheRegistryLacks() throws IOException {
        Path data = demoReportIn();
        acmeRegistry();

        assertThat(census("summarize", "--data-dir", data.toString(), "--registry", registry().toString())).isEqualTo(2);
        assertThat(cli.err()).contains("registry: " + registry() + " (acme: 0 approved metrics)",
                "the data holds product demo, which the registry " + registry() + " lacks (it has acme)", "--registry DIR");
        assertThat(cli.out()).doesNotContain("summarized");

        cli.clear();
        assertThat(census("summarize", "--data-dir", data.toString())).isZero();
        assertThat(cli.err()).startsWith("registry: bundled (demo: ").contains("approved metrics, pulp: ");
    }

    @Test
    void auditOfAnUnknownProductNamesTheRegistryAndItsProducts() {
        Path data = demoReportIn();

        assertThat(census("metrics", "audit", "--product", "acme", "--data-dir", data.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("unknown product acme in the bundled registry, which defines demo, pulp;",
                "--registry DIR");
    }

    @Test
    void migrateRefusesDataOfProductsTheRegistryLacksBeforeTouchingTheTarget() throws IOException {
        Path data = demoReportIn();
        acmeRegistry();

        assertThat(census("migrate", "--from", data.toString(), "--to", "postgresql://127.0.0.1:1/none?user=census",
                "--registry", registry().toString())).isEqualTo(2);

        assertThat(cli.err()).contains("registry: " + registry(), "the data holds product demo");
    }

    /** A registry of one product, acme, without metrics. */
    private void acmeRegistry() throws IOException {
        census("metrics", "new", "--dir", registry().toString(), "--product", "acme", "jobs.count");
        Files.delete(registry().resolve("acme/jobs.count.yaml"));
        cli.clear();
    }

    private Path demoReportIn() {
        Path data = dir.resolve("data");
        try (CensusServer server = TestServers.start(data, TestClock.at("2026-03-11T08:00:00Z"))) {
            assertThat(new CensusClient(server.port()).postReport(Reports.report().json()).statusCode()).isEqualTo(202);
        }
        return data;
    }
}
