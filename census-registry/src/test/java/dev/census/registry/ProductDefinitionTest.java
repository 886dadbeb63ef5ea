package dev.census.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductDefinitionTest {

    @Test
    void aProductSpeaksOnlyCensusJsonAndCountsEverySystemUnlessConfigured() {
        ProductDefinition plain = new ProductDefinition("demo", "Demo", "", Set.of("core"), Map.of());
        assertThat(plain.pulpCompatible()).isFalse();
        assertThat(plain.persistentOnly()).isFalse();
        assertThat(plain.compat()).isEmpty();
    }

    @Test
    void compatPulpMakesAProductPulpCompatible() {
        ProductDefinition pulp = new ProductDefinition("pulp", "Pulp", "", Set.of("core"), Map.of(), " Pulp ", true);
        assertThat(pulp.pulpCompatible()).isTrue();
        assertThat(pulp.persistentOnly()).isTrue();
    }

    @Test
    void anUnknownWireFormatIsRefusedByName() {
        assertThatThrownBy(() -> new ProductDefinition("x", "X", "", Set.of(), Map.of(), "syncthing", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("product x: compat: unknown wire format syncthing (known: pulp)");
    }
}
