package dev.census.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLoaderTest {

    private static final String MEMORY = """
            name: memory.mib
            title: Memory in use
            type: gauge
            unit: MiB
            min: 0
            max: 65536
            question: How much memory does the application use?
            status: approved
            """;

    @TempDir
    Path dir;

    @Test
    void theBundledRegistryIsTheRepositorysMetricsFolder() {
        Registry registry = RegistryLoader.bundled();

        assertThat(registry.products()).extracting(ProductDefinition::name).containsExactly("demo", "pulp");
        assertThat(registry.product("pulp").orElseThrow().compat()).isEqualTo(ProductDefinition.COMPAT_PULP);
        assertThat(registry.product("demo").orElseThrow().metrics()).containsKey("workers.processes");
    }

    @Test
    void everyBundledMetricFilePassesTheLinter() throws IOException, URISyntaxException {
        Path bundled = Path.of(RegistryLoader.class.getClassLoader().getResource("census/registry").toURI());

        assertThat(RegistryLoader.metricFiles(bundled)).hasSizeGreaterThan(10)
                .allSatisfy(file -> assertThat(RegistryLoader.lint(RegistryLinter.standard(), file)).isEmpty());
    }

    @Test
    void aDirectoryGivesEachProductFolderWithItsMetrics() throws IOException {
        write("acme/product.yaml", "name: acme\ntitle: Acme\ncomponents: [core, web]\npersistent_only: true\n");
        write("acme/memory.mib.yaml", MEMORY);
        write("notes/readme.yaml", "not: a product\n");

        Registry registry = RegistryLoader.fromDirectory(dir);

        ProductDefinition acme = registry.product("acme").orElseThrow();
        assertThat(registry.products()).containsExactly(acme);
        assertThat(acme.knownComponents()).containsExactlyInAnyOrder("core", "web");
        assertThat(acme.persistentOnly()).isTrue();
        MetricDefinition memory = acme.metrics().get("memory.mib");
        assertThat(memory.type()).isEqualTo(MetricType.GAUGE);
        assertThat(memory.status()).isEqualTo(MetricStatus.APPROVED);
        assertThat(memory.range()).isEqualTo(new ValueRange(0, 65536));
        assertThat(memory.title()).isEqualTo("Memory in use");
    }

    @Test
    void aMetricOfAnUnknownTypeIsRefusedNamingFileAndField() throws IOException {
        write("acme/product.yaml", "name: acme\n");
        Path file = write("acme/memory.mib.yaml", MEMORY.replace("type: gauge", "type: histogram"));

        assertThatThrownBy(() -> RegistryLoader.fromDirectory(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": type: unknown metric type histogram");
    }

    @Test
    void aMissingDirectoryIsRefused() {
        assertThatThrownBy(() -> RegistryLoader.fromDirectory(dir.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void theMetricFilesAreTheYamlFilesOfEachFolderExceptTheProductFile() throws IOException {
        Path memory = write("acme/memory.mib.yaml", MEMORY);
        Path users = write("acme/users.count.yml", "name: users.count\n");
        write("acme/product.yaml", "name: acme\n");
        write("acme/README.md", "# acme\n");
        write("top.yaml", "name: top\n");

        assertThat(RegistryLoader.metricFiles(dir)).containsExactly(memory, users);
    }

    @Test
    void aFileThatIsNotAMapOfFieldsIsOneProblemNamingIt() throws IOException {
        Path broken = write("acme/broken.yaml", "name: [unclosed\n");
        Path list = write("acme/list.yaml", "- name\n- type\n");

        assertThat(RegistryLoader.lint(RegistryLinter.standard(), broken)).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith(broken + ":-: not valid YAML: "));
        assertThat(RegistryLoader.lint(RegistryLinter.standard(), list))
                .containsExactly(new LintProblem(list.toString(), "-", "must be a map of fields"));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
