package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.census.protocol.InvalidReportException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CensusBuilderTest {

    private final URI endpoint = URI.create("https://analytics.example.org");

    @Test
    void missingRequiredSettingsAreNamed() {
        assertThatThrownBy(() -> Census.builder().endpoint(endpoint).stateDir(Path.of("x")).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("product is required");
        assertThatThrownBy(() -> Census.builder().product("pulp").stateDir(Path.of("x")).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("endpoint is required");
        assertThatThrownBy(() -> Census.builder().product("pulp").endpoint(endpoint).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("stateDir or systemIdStore is required");
    }

    @Test
    void nullArgumentsAreNamed() {
        Census.Builder builder = Census.builder();
        assertThatThrownBy(() -> builder.product(null)).hasMessage("product");
        assertThatThrownBy(() -> builder.endpoint(null)).hasMessage("endpoint");
        assertThatThrownBy(() -> builder.devEndpoint(null)).hasMessage("devEndpoint");
        assertThatThrownBy(() -> builder.stateDir(null)).hasMessage("stateDir");
        assertThatThrownBy(() -> builder.systemIdStore(null)).hasMessage("systemIdStore");
        assertThatThrownBy(() -> builder.consent(null)).hasMessage("consent");
        assertThatThrownBy(() -> builder.metric("workers.processes", null)).hasMessage("collector");
        assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock");
        assertThatThrownBy(() -> JdbcSystemIdStore.of(null)).hasMessage("dataSource");
    }

    @Test
    void badValuesAreRefusedWhenConfiguredNotWhenReporting() {
        Census.Builder builder = Census.builder();
        assertThatThrownBy(() -> builder.product("Pulp Project")).isInstanceOf(InvalidReportException.class)
                .hasMessageStartingWith("product: ");
        assertThatThrownBy(() -> builder.endpoint(URI.create("ftp://example.org")))
                .hasMessage("endpoint must be an http or https URL (was ftp://example.org)");
        assertThatThrownBy(() -> builder.metric("Workers", () -> 1)).hasMessageStartingWith("metric name: ");
        assertThatThrownBy(() -> builder.component("core", "3.49 final")).hasMessageStartingWith("components[].version: ");
        assertThatThrownBy(() -> builder.collectorTimeout(Duration.ZERO)).hasMessage("collectorTimeout must be positive");
        assertThatThrownBy(() -> builder.disableHint(" ")).hasMessage("disableHint must not be blank");
        assertThatThrownBy(() -> builder.trustStore(Path.of("/nonexistent/trust.p12"), new char[0]))
                .hasMessageStartingWith("trustStore /nonexistent/trust.p12 cannot be loaded");
    }

    @Test
    void aComponentOrMetricGivenTwiceIsRefused() {
        Census.Builder builder = Census.builder().component("core", "3.49.1").metric("workers.processes", () -> 1);
        assertThatThrownBy(() -> builder.component("core", "3.50.0")).hasMessage("component core is given twice");
        assertThatThrownBy(() -> builder.metric("workers.processes", () -> 2))
                .hasMessage("metric workers.processes is given twice");
    }

    @Test
    void consentParsesItsSettingNames() {
        assertThat(Consent.parse("On")).isEqualTo(Consent.ON);
        assertThat(Consent.parse("local")).isEqualTo(Consent.LOCAL);
        assertThatThrownBy(() -> Consent.parse("yes")).hasMessage("consent must be one of off, local, on (was yes)");
    }
}
