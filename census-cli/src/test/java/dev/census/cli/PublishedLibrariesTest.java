package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SDK and the protocol as an application gets them: jars that name their module, with sources and javadoc beside them. */
class PublishedLibrariesTest {

    @ParameterizedTest
    @CsvSource({"dev.census.sdk.Census, dev.census.sdk", "dev.census.protocol.Report, dev.census.protocol"})
    void eachLibraryJarNamesItsModuleAndComesWithSourcesAndJavadoc(String className, String module) throws Exception {
        Path jar = jarOf(Class.forName(className));

        assertThat(ModuleFinder.of(jar).findAll()).singleElement()
                .extracting(ModuleReference::descriptor).satisfies(descriptor -> {
                    assertThat(descriptor.name()).isEqualTo(module);
                    assertThat(descriptor.isAutomatic()).isTrue();
                });
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        assertThat(jar.resolveSibling(base + "-sources.jar")).exists();
        try (ZipFile javadoc = new ZipFile(jar.resolveSibling(base + "-javadoc.jar").toFile())) {
            assertThat(javadoc.stream().map(ZipEntry::getName)).anyMatch(name -> name.endsWith(className.replace('.', '/') + ".html"));
        }
    }

    /** The jar a class was loaded from: in a Maven build from the package phase on, the module's own jar in its target folder. */
    private static Path jarOf(Class<?> type) throws URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isRegularFile(location), () -> type.getName() + " comes from " + location
                + ", not a jar: run through mvn verify to check the packaged libraries");
        return location;
    }
}
