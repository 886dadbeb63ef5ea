package dev.census.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {

    @ParameterizedTest(name = "{0} → {1} / {2}, release {3}")
    @CsvSource({
            "3.49.1, 3.49, 3.49.1, true",
            "0.0.0, 0.0, 0.0.0, true",
            "3.22.0.dev, 3.22, 3.22.0, false",
            "2.0.0a6, 2.0, 2.0.0, false",
            "1.0.0rc1, 1.0, 1.0.0, false",
            "1.2, 1.2, 1.2, false",
            "01.2.3, 1.2, 1.2.3, false",
            "3.49.1+local, 3.49, 3.49.1, false",
            "main, unknown, unknown, false",
            "v3.1.0, unknown, unknown, false"})
    void versionsRollUpByTheirLeadingNumbers(String text, String xy, String xyz, boolean release) {
        Version version = Version.parse(text);
        assertThat(version.xy()).isEqualTo(xy);
        assertThat(version.xyz()).isEqualTo(xyz);
        assertThat(version.release()).isEqualTo(release);
    }

    @Test
    void generatedReleasesAreReleasesAndAnySuffixMakesThemDev() {
        Random random = new Random(42);
        List<String> suffixes = List.of(".dev", "a1", "b2", "rc1", ".post1", "-SNAPSHOT", "+build.7", ".0");
        for (int i = 0; i < 2_000; i++) {
            String release = random.nextInt(100) + "." + random.nextInt(100) + "." + random.nextInt(1000);
            assertThat(Version.isRelease(release)).as(release).isTrue();
            assertThat(Version.parse(release).xyz()).isEqualTo(release);
            String dev = release + suffixes.get(random.nextInt(suffixes.size()));
            assertThat(Version.isRelease(dev)).as(dev).isFalse();
            assertThat(Version.parse(dev).xy()).as(dev).isEqualTo(Version.parse(release).xy());
        }
    }

    @Test
    void theChannelIsProductionOnlyWhenEveryVersionIsARelease() {
        assertThat(Channel.forVersions(List.of("3.49.1", "1.2.3"))).isEqualTo(Channel.PRODUCTION);
        assertThat(Channel.forVersions(List.of("3.49.1", "1.2.3.dev"))).isEqualTo(Channel.DEV);
        assertThat(Channel.forVersions(List.of())).isEqualTo(Channel.DEV);
    }
}
