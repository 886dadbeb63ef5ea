package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.protocol.Report;
import dev.census.sdk.Census;
import dev.census.testing.CensusClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import javax.tools.JavaCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/getting-started.md, run as its reader would in an empty folder: every shell block verbatim,
 * its Java program compiled against the SDK jars alone and run against the server the guide starts,
 * and at the guide's check point the product in the API and its page with data.
 */
class GettingStartedGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "getting-started.md");
    private static final String PRODUCT = "acme";
    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    @Test
    void theGuideTakesAnEmptyFolderToTheProductsDashboard() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("acme"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path blocks = Files.createDirectories(tmp.resolve("blocks"));
        List<Path> sdkJars = List.of(
                installInLocalRepository(Census.class, "census-sdk", home),
                installInLocalRepository(Report.class, "census-protocol", home));
        censusCommand(bin);
        int port = TestServers.freePort();
        CensusClient client = new CensusClient(port);
        boolean checkedDashboard = false;

        try (GuideShell shell = new GuideShell(work, environment(home, bin), blocks)) {
            for (Guide.Step step : Guide.steps(GUIDE)) {
                String text = step.text().replace("8080", String.valueOf(port));
                switch (step.kind()) {
                    case SHELL -> {
                        shell.run(text, BLOCK_TIMEOUT);
                        if (text.contains("census serve")) {
                            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                                    .until(() -> client.get("/healthz").statusCode() == 200);
                        }
                        if (text.contains("kill ")) {
                            await().atMost(Duration.ofSeconds(60)).until(() -> !shell.hasRunningChildren());
                        }
                    }
                    case JAVA -> compile(text, work, sdkJars);
                    case DASHBOARD -> {
                        assertDashboardShowsTheProduct(client);
                        checkedDashboard = true;
                    }
                }
            }
        }
        assertThat(checkedDashboard).as("the guide has a dashboard check point").isTrue();
    }

    private static void assertDashboardShowsTheProduct(CensusClient client) {
        JsonNode products = CensusClient.json(client.get("/api/v1/products"));
        assertThat(products.path("items").findValuesAsText("name")).contains(PRODUCT);
        HttpResponse<String> page = client.get("/p/" + PRODUCT);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Data as of").contains("sample <strong class=\"sample\">1</strong> systems")
                .contains("today so far, final after the nightly run").doesNotContain("No data in this range yet");
    }

    /**
     * Puts the jar a class comes from where {@code mvn install} would, under HOME/.m2; from a
     * classes folder (a build that has not packaged yet), jars that folder first.
     */
    private static Path installInLocalRepository(Class<?> type, String artifact, Path home) throws IOException, URISyntaxException {
        String version = projectVersion();
        Path target = Files.createDirectories(home.resolve(".m2/repository/dev/census").resolve(artifact).resolve(version))
                .resolve(artifact + "-" + version + ".jar");
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(location)) {
            Files.copy(location, target);
        } else {
            run(ToolProvider.findFirst("jar").orElseThrow(), "--create", "--file", target.toString(), "-C", location.toString(), ".");
        }
        return target;
    }

    /** The version every module shares: the parent's, the first {@code <version>} of this module's pom. */
    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    /** A {@code census} command on the PATH that runs the command line on this test's class path. */
    private static void censusCommand(Path bin) throws IOException {
        Path census = bin.resolve("census");
        Files.writeString(census, "#!/bin/sh\nexec '" + java() + "' -cp '" + System.getProperty("java.class.path") + "' "
                + CensusCommand.class.getName() + " \"$@\"\n");
        assertThat(census.toFile().setExecutable(true)).isTrue();
    }

    /**
     * The process environment less what would change the guide's outcome (CI keeps reports local;
     * DO_NOT_TRACK, CENSUS_*), with HOME and this JDK's java first on the PATH.
     */
    private static Map<String, String> environment(Path home, Path bin) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.equals("CI") || name.equals("DO_NOT_TRACK") || name.startsWith("CENSUS_"));
        environment.put("HOME", home.toString());
        environment.put("PATH", bin + ":" + Path.of(java()).getParent() + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        return environment;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Compiles a Java block as {@code mvn compile} would: src/main/java/PACKAGE/CLASS.java into target/classes. */
    private static void compile(String source, Path work, List<Path> classPath) throws IOException {
        Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(source);
        Matcher type = Pattern.compile("(?m)^public (?:final )?class (\\w+)").matcher(source);
        assertThat(pkg.find() && type.find()).as("a java block declares its package and public class").isTrue();
        Path file = work.resolve("src/main/java").resolve(pkg.group(1).replace('.', '/')).resolve(type.group(1) + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(work.resolve("target/classes"));
        JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, errors, errors, "--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString(),
                "-cp", String.join(":", classPath.stream().map(Path::toString).toList()), file.toString());
        assertThat(status).as("javac %s:%n%s", file, errors).isZero();
    }

    private static void run(ToolProvider tool, String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true);
        assertThat(tool.run(print, print, args)).as("%s %s: %s", tool.name(), List.of(args), output).isZero();
    }
}
