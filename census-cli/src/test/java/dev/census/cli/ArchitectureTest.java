package dev.census.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module layering of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses census;

    @BeforeAll
    static void importClasses() {
        census = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.census");
    }

    @Test
    void theProtocolDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("dev.census.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.census.protocol..", "java..")
                .check(census);
    }

    @Test
    void theSdkDependsOnlyOnTheProtocolAndTheJdk() {
        classes().that().resideInAPackage("dev.census.sdk..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.census.sdk..", "dev.census.protocol..", "java..", "javax..")
                .check(census);
    }

    @Test
    void theProtocolIsOnlyTheWireFormatAndThePiiRules() {
        classes().that().resideInAPackage("dev.census.protocol..")
                .should().resideInAnyPackage("dev.census.protocol", "dev.census.protocol.pii")
                .check(census);
    }

    @Test
    void theRegistryDependsOnlyOnTheProtocolJacksonAndTheJdk() {
        classes().that().resideInAPackage("dev.census.registry..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.census.registry..", "dev.census.protocol..",
                        "com.fasterxml.jackson..", "java..")
                .check(census);
    }

    @Test
    void neitherTheProtocolNorTheSdkKnowsTheRegistry() {
        noClasses().that().resideInAnyPackage("dev.census.protocol..", "dev.census.sdk..")
                .should().dependOnClassesThat().resideInAPackage("dev.census.registry..")
                .check(census);
    }

    @Test
    void theServerKnowsNothingOfTheSdkOrTheCommandLine() {
        noClasses().that().resideInAPackage("dev.census.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.census.sdk..", "dev.census.cli..")
                .check(census);
    }

    @Test
    void noProductionCodeUsesTheTestSupport() {
        noClasses().that().resideInAnyPackage("dev.census.protocol..", "dev.census.sdk..", "dev.census.server..", "dev.census.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.census.testing..")
                .check(census);
    }

    @Test
    void theTestSupportKnowsNothingOfTheServerTheSdkOrTheCommandLine() {
        noClasses().that().resideInAPackage("dev.census.testing..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.census.server..", "dev.census.sdk..", "dev.census.cli..")
                .check(census);
    }

    @Test
    void storageKnowsNothingOfHttpIngestionOrPages() {
        noClasses().that().resideInAPackage("dev.census.server.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.census.server.api..", "dev.census.server.web..",
                        "dev.census.server.ingest..", "dev.census.server.summary..", "dev.census.server.publish..", "io.javalin..")
                .check(census);
    }

    @Test
    void ingestionAndSummariesDoNotServeHttp() {
        noClasses().that().resideInAnyPackage("dev.census.server.ingest..", "dev.census.server.summary..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "dev.census.server.api..", "dev.census.server.web..",
                        "dev.census.server.publish..")
                .check(census);
    }

    @Test
    void theVocabularyOfPublishedNamesDependsOnNothingElse() {
        // the server's test-jar is on this module's class path; its tests may use their libraries
        classes().that().resideInAPackage("dev.census.server.vocabulary..").and().haveSimpleNameNotEndingWith("Test")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.census.server.vocabulary..", "java..")
                .check(census);
    }

    @Test
    void theReadModelReadsTheStoreAndKnowsNeitherFace() {
        noClasses().that().resideInAPackage("dev.census.server.publish..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.census.server.api..", "dev.census.server.web..",
                        "dev.census.server.ingest..", "dev.census.server.summary..", "io.javalin..")
                .check(census);
    }

    @Test
    void theReadModelSeesOnlyThePublishedSummariesOfTheStore() {
        noClassOfTheLayerSeesTheseStoreInterfaces("dev.census.server.publish..", "ReportStore", "ReportWriter", "DayAggregator", "JobLock");
    }

    @Test
    void ingestionSeesOnlyTheWriterOfTheStore() {
        noClassOfTheLayerSeesTheseStoreInterfaces("dev.census.server.ingest..", "ReportStore", "SummaryStore", "DayAggregator", "JobLock");
    }

    private static void noClassOfTheLayerSeesTheseStoreInterfaces(String layer, String... interfaces) {
        List<String> names = Arrays.stream(interfaces).map(name -> "dev.census.server.store." + name).toList();
        noClasses().that().resideInAPackage(layer).and().haveSimpleNameNotEndingWith("Test")
                .should().dependOnClassesThat(DescribedPredicate.describe("one of " + String.join(", ", interfaces),
                        type -> names.contains(type.getFullName())))
                .check(census);
    }

    @Test
    void theApiAndThePagesDoNotImportEachOther() {
        noClasses().that().resideInAPackage("dev.census.server.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.census.server.web..")
                .check(census);
        noClasses().that().resideInAPackage("dev.census.server.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.census.server.api..")
                .check(census);
    }

    @Test
    void onlyTheHttpFacesAndTheServerThatWiresThemKnowJavalin() {
        noClasses().that().resideInAPackage("dev.census..")
                .and().resideOutsideOfPackages("dev.census.server.api..", "dev.census.server.web..", "dev.census.server")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(census);
    }

    @Test
    void ingestionKnowsNoHttpNeitherJavalinNorJettyNorServlets() {
        noClasses().that().resideInAPackage("dev.census.server.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
                .check(census);
    }

    @Test
    void theSharedJsonMapperDependsOnNothingOfTheServer() {
        classes().that().resideInAPackage("dev.census.server.json..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.census.server.json..", "com.fasterxml.jackson..", "java..")
                .check(census);
    }
}
