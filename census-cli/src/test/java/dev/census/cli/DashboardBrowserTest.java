package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.cli.simulate.FleetLoader;
import dev.census.cli.simulate.FleetSimulator;
import dev.census.server.CensusServer;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The dashboard in a real browser: Debian's chromium, driven by Selenium through
 * /usr/bin/chromedriver, reads a server holding a simulated fleet. Without chromium the tests are
 * skipped with a message, unless CENSUS_REQUIRE_BROWSER=1 (as in CI) makes that a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    /** Debian's browser and driver; the properties let a test run point elsewhere (or nowhere, to see the skip). */
    private static final Path CHROMIUM = Path.of(System.getProperty("census.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("census.chromedriver", "/usr/bin/chromedriver"));
    private static final LocalDate LAST_DAY = LocalDate.parse("2026-03-10");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Path dataDir;
    private Path profile;
    private CensusServer server;
    private CensusClient client;
    private ChromeDriver browser;
    /** Why the browser tests cannot run here, or null. */
    private String missing;

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install -y chromium chromium-driver): "
                    + "the dashboard's browser tests are skipped";
            if ("1".equals(System.getenv("CENSUS_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message + ", but CENSUS_REQUIRE_BROWSER=1 requires them");
            }
            missing = message;
            return;
        }
        dataDir = Files.createTempDirectory("census-browser-");
        FleetLoader.Result loaded = FleetLoader.load(dataDir, new FleetSimulator(400, 45, LAST_DAY, 7), day -> { });
        assertThat(loaded.rejected()).isEmpty();
        server = CensusServer.builder().host("127.0.0.1").port(0).dataDir(dataDir)
                .clock(TestClock.at(LAST_DAY.plusDays(1) + "T08:00:00Z")).dailyJobs(false).build().start();
        client = new CensusClient(server.port());
        Files.createDirectories(SCREENSHOTS);

        profile = Files.createTempDirectory("census-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        for (Path dir : new Path[] {dataDir, profile}) {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @BeforeEach
    void skipWithoutABrowserAndForgetEarlierLogs() {
        Assumptions.assumeTrue(missing == null, () -> missing);
        browser.manage().logs().get(LogType.BROWSER);
    }

    @Test
    void everyChartOfTheProductPageIsDrawnWithItsLegendAndNoConsoleError() throws IOException {
        open("/p/demo");

        List<WebElement> sections = browser.findElements(By.cssSelector("section.chart"));
        List<String> ids = sections.stream().map(section -> section.getAttribute("id")).toList();
        assertThat(ids).contains("systems", "components", "versions-core", "versions-rpm", "metric-workers.processes",
                "metric-database.engine", "metric-tls.enabled", "age");
        for (String id : ids) {
            Map<String, Object> drawn = chartState(id);
            assertThat((Long) drawn.get("painted")).as("painted pixels of " + id).isGreaterThan(500);
            @SuppressWarnings("unchecked")
            List<String> legend = (List<String>) drawn.get("legend");
            @SuppressWarnings("unchecked")
            List<String> datasets = (List<String>) drawn.get("datasets");
            assertThat(legend).as("legend of " + id).isNotEmpty().isEqualTo(datasets).hasSizeLessThanOrEqualTo(9);
            assertThat(browser.findElement(By.cssSelector("#" + css(id) + " .canvas-box")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("#" + css(id) + " .sample")).getText()).as("sample of " + id).matches("\\d+");
            assertThat(browser.findElement(By.cssSelector("#" + css(id) + " .data-day")).getText()).isEqualTo(LAST_DAY.toString());
        }
        assertThat(legendOf("systems")).containsExactly("active today", "active in 7 days", "active in 28 days", "new");
        assertThat(legendOf("metric-workers.processes")).containsExactly("mean", "p50", "p90");
        assertThat(severeLogs()).isEmpty();
        screenshot("product", 1280);
        screenshot("product-phone", 390);
    }

    @Test
    void theFleetTodayShowsTheFiguresOfTheApi() {
        open("/p/demo");
        JsonNode today = CensusClient.json(client.get("/api/v1/products/demo/today"));

        assertThat(today.path("day").asText()).isEqualTo(LAST_DAY.toString());
        assertThat(browser.findElement(By.cssSelector("#today .today-day")).getText()).isEqualTo(LAST_DAY.toString());
        for (JsonNode active : today.path("active")) {
            assertThat(figure(active.path("key").asText())).as(active.path("label").asText())
                    .isEqualTo(active.path("systems").asText()).matches("\\d+");
        }
        assertThat(figure("new_this_week")).isEqualTo(today.path("new_this_week").asText());
        assertThat(Double.parseDouble(figure("median_age_days"))).isCloseTo(today.path("median_age_days").asDouble(),
                org.assertj.core.data.Offset.offset(0.05));
        assertThat(today.path("components")).isNotEmpty();
        for (JsonNode component : today.path("components")) {
            List<String> drawn = browser.findElements(By.cssSelector("[data-component='" + component.path("name").asText() + "'] tr"))
                    .stream().map(row -> row.getAttribute("data-key") + " " + row.findElements(By.tagName("td")).get(2).getText()).toList();
            List<String> api = new ArrayList<>();
            component.path("versions").forEach(bar -> api.add(bar.path("key").asText() + " " + bar.path("systems").asText()));
            assertThat(drawn).as(component.path("name").asText()).isEqualTo(api).hasSizeLessThanOrEqualTo(9);
        }
        for (JsonNode metric : today.path("metrics")) {
            WebElement card = browser.findElement(By.cssSelector("[data-metric='" + metric.path("name").asText() + "']"));
            assertThat(card.findElement(By.tagName("h4")).getText()).startsWith(metric.path("title").asText());
            assertThat(card.findElements(By.cssSelector("tr"))).hasSize(metric.path("bars").size());
            metric.path("stats").fields().forEachRemaining(stat -> assertThat(Double.parseDouble(card.findElement(
                    By.cssSelector("[data-stat='" + stat.getKey() + "'] strong")).getText()))
                    .isCloseTo(stat.getValue().asDouble(), org.assertj.core.data.Offset.offset(0.05)));
        }
        assertThat(browser.findElements(By.cssSelector("#today svg rect"))).allSatisfy(rect -> assertThat(rect.getSize().getWidth()).isPositive());
        assertThat(severeLogs()).isEmpty();
    }

    @Test
    void everyStackedAreaHasItsLegendsColourAndKeepsItAcrossToggles() {
        open("/p/demo");
        List<String> stacked = browser.findElements(By.cssSelector("section.chart[data-style='stacked']")).stream()
                .map(section -> section.getAttribute("id")).toList();
        assertThat(stacked).contains("versions-core", "metric-database.engine", "age");
        for (String id : stacked) {
            assertLayersHaveTheirLegendColours(id);
        }
        Map<String, Object> counts = colours("versions-core");
        browser.findElement(By.cssSelector("#versions-core input.percent")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> "true".equals(canvasData("versions-core", "percent")));
        assertThat(colours("versions-core")).isEqualTo(counts);
        assertLayersHaveTheirLegendColours("versions-core");

        browser.findElement(By.cssSelector("input[name='view-versions-core'][value='1']")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> "1".equals(canvasData("versions-core", "view")));
        assertThat(legendOf("versions-core")).hasSizeLessThanOrEqualTo(9);
        assertLayersHaveTheirLegendColours("versions-core");
        assertThat(severeLogs()).isEmpty();
    }

    @Test
    void theVersionToggleSwitchesToXyzAndThePercentToggleToShares() {
        open("/p/demo");
        List<String> xy = legendOf("versions-core");
        assertThat(xy).allMatch(label -> label.equals("other") || label.matches("\\d+\\.\\d+"));

        browser.findElement(By.cssSelector("input[name='view-versions-core'][value='1']")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> legendOf("versions-core").stream()
                .anyMatch(label -> label.matches("\\d+\\.\\d+\\.\\d+.*")));
        assertThat(legendOf("versions-core")).isNotEqualTo(xy);

        browser.findElement(By.cssSelector("#versions-core input.percent")).click();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(((Number) chartState("versions-core")
                .get("lastDayTotal")).doubleValue()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.1)));
        assertThat(chartState("versions-core").get("yMax")).isEqualTo(100L);
        assertThat(severeLogs()).isEmpty();
    }

    @Test
    void theRangePickerChangesTheDaysShown() {
        open("/p/demo");
        assertThat(labels("systems")).hasSize(90);

        LocalDate from = LAST_DAY.minusDays(13);
        ((JavascriptExecutor) browser).executeScript(
                "var input = document.querySelector('input[name=from]'); input.value = arguments[0];"
                        + "input.dispatchEvent(new Event('change'));", from.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("from=" + from));
        await().atMost(Duration.ofSeconds(20)).until(() -> labels("systems").size() == 14);
        assertThat(labels("systems").get(0)).isEqualTo(from.toString());

        browser.findElement(By.linkText("30 days")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> labels("systems").size() == 30);
        assertThat(severeLogs()).isEmpty();
    }

    @Test
    void theChannelToggleSwitchesToTheDevFleet() throws IOException {
        open("/p/demo");
        String productionSample = browser.findElement(By.cssSelector("#systems .sample")).getText();
        List<Object> productionCore = chartData("versions-core", 0);

        browser.findElement(By.cssSelector("input[name=channel][value=dev]")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("channel=dev"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.cssSelector("#systems .sample")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("input[name=channel][value=dev]")).isSelected()).isTrue();
        String devSample = browser.findElement(By.cssSelector("#systems .sample")).getText();
        assertThat(Long.parseLong(devSample)).isPositive().isLessThan(Long.parseLong(productionSample));
        assertThat(chartData("versions-core", 0)).isNotEqualTo(productionCore);
        assertThat(severeLogs()).isEmpty();
        screenshot("product-dev", 1280);
        screenshot("product-dev-phone", 390);
    }

    @Test
    void theCsvLinkOfAChartHasTheNumbersDrawnAndThoseOfTheApi() {
        open("/p/demo");
        String csvHref = browser.findElement(By.cssSelector("#metric-workers\\.processes a.csv")).getAttribute("href");
        String jsonHref = browser.findElement(By.cssSelector("#metric-workers\\.processes a.json")).getAttribute("href");
        assertThat(csvHref).startsWith(client.base() + "/api/v1/products/demo/series/workers.processes?");

        String downloaded = (String) browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(function (answer) { return answer.text(); }).then(done, function (e) { done('failed: ' + e); });",
                csvHref);
        String[] csv = downloaded.split("\r?\n");
        JsonNode api = CensusClient.json(client.get(jsonHref.substring(client.base().length())));
        List<String> header = List.of(csv[0].split(","));
        List<Object> drawnMeans = chartData("metric-workers.processes", 0);
        int meanColumn = header.indexOf("mean");
        int meanLine = -1;
        for (int i = 0; i < api.get("series").size(); i++) {
            if (api.at("/series/" + i + "/key").asText().equals("mean")) {
                meanLine = i;
            }
        }
        assertThat(meanColumn).isPositive();
        assertThat(csv).hasSize(api.get("days").size() + 1);
        int compared = 0;
        for (int day = 0; day < api.get("days").size(); day++) {
            String[] row = csv[day + 1].split(",", -1);
            assertThat(row[0]).isEqualTo(api.at("/days/" + day).asText());
            JsonNode mean = api.at("/series/" + meanLine + "/values/" + day);
            if (mean.isNull()) {
                assertThat(row[meanColumn]).isEmpty();
                assertThat(drawnMeans.get(day)).isNull();
            } else {
                assertThat(Double.parseDouble(row[meanColumn])).isEqualTo(mean.asDouble());
                assertThat(((Number) drawnMeans.get(day)).doubleValue()).isEqualTo(mean.asDouble());
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aNewProductsFirstReportShowsOnItsPageAsProvisionalAfterSummarizingToday() throws IOException {
        Path fresh = Files.createTempDirectory("census-browser-new-");
        try (CensusServer today = TestServers.start(fresh, Clock.systemUTC())) {
            CensusClient newClient = new CensusClient(today.port());
            assertThat(newClient.postReport(Reports.report().sentAt(Instant.now().toString()).component("core", "3.50.1").json())
                    .statusCode()).isEqualTo(202);
            CapturedCli census = new CapturedCli();

            assertThat(census.run("summarize", "--today", "--url", newClient.base(), "--admin-token", TestServers.ADMIN_TOKEN))
                    .as(census.err()).isZero();
            browser.get(newClient.base() + "/p/demo");
            await().atMost(Duration.ofSeconds(20)).until(() -> "complete".equals(
                    ((JavascriptExecutor) browser).executeScript("return document.readyState")));

            assertThat(browser.findElement(By.id("provisional")).getText())
                    .isEqualTo(LocalDate.now(Clock.systemUTC()) + ": provisional — today so far, final after the nightly run (by 00:10 UTC).");
            assertThat(browser.findElement(By.cssSelector("[data-figure=active_1d] .value")).getText()).isEqualTo("1");
            Object radius = ((JavascriptExecutor) browser).executeScript("var meta = Chart.getChart(document.querySelector("
                    + "'canvas[data-chart=\"systems\"]')).getDatasetMeta(0); return meta.data[meta.data.length - 1].options.radius;");
            assertThat(((Number) radius).doubleValue()).as("the one day with data, between none and the range's end, is a dot").isPositive();
            screenshot("product-provisional", 1280);
            assertThat(severeLogs()).isEmpty();
        } finally {
            try (var files = Files.walk(fresh)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aBadQueryStringRendersAnHtmlErrorPageLinkingBack() throws IOException {
        open("/p/demo?from=not-a-day");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bad request");
        assertThat(browser.findElement(By.cssSelector("main a[href='/p/demo']")).isDisplayed()).isTrue();
        screenshot("bad-request", 1280);
    }

    @Test
    void theOtherPagesRenderWithoutConsoleErrors() throws IOException {
        open("/");
        assertThat(browser.findElement(By.cssSelector("table.data")).getText()).contains("Demo Repository Manager", LAST_DAY.toString());
        screenshot("index", 1280);
        screenshot("index-phone", 390);
        open("/p/demo/about");
        assertThat(browser.findElement(By.id("collected")).getText()).contains("workers.processes", "How many worker processes");
        screenshot("about", 1280);
        screenshot("about-phone", 390);
        open("/privacy");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("30 days", "census report --preview");
        screenshot("privacy", 1280);
        screenshot("privacy-phone", 390);
        assertThat(severeLogs()).isEmpty();
    }

    private String figure(String key) {
        return browser.findElement(By.cssSelector("[data-figure='" + key + "'] .value")).getText();
    }

    private String canvasData(String id, String name) {
        return browser.findElement(By.cssSelector("canvas[data-chart='" + id + "']")).getAttribute("data-" + name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> colours(String id) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                var chart = Chart.getChart(document.querySelector('canvas[data-chart="' + arguments[0] + '"]'));
                var colours = {};
                chart.legend.legendItems.forEach(function (item) { colours[item.text] = item.fillStyle; });
                return colours;
                """, id);
    }

    /**
     * Samples the canvas in the middle of every layer of a stacked chart that is at least 3 pixels
     * thick somewhere (the top layer included, when it is), on the day it is thickest, and compares
     * each pixel with the fill of that layer's legend swatch. With translucent fills that overlap,
     * no layer has its swatch's colour.
     */
    @SuppressWarnings("unchecked")
    private void assertLayersHaveTheirLegendColours(String id) {
        List<Map<String, Object>> samples = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
                var chart = Chart.getChart(document.querySelector('canvas[data-chart="' + arguments[0] + '"]'));
                var sets = chart.data.datasets;
                var ratio = chart.currentDevicePixelRatio;
                // Read from a copy: reading the chart's own canvas again and again makes the browser warn.
                var copy = document.createElement('canvas');
                copy.width = chart.canvas.width;
                copy.height = chart.canvas.height;
                var context = copy.getContext('2d', { willReadFrequently: true });
                context.drawImage(chart.canvas, 0, 0);
                var samples = [];
                for (var layer = sets.length - 1; layer >= 0; layer--) {
                  var bands = chart.data.labels.map(function (label, day) {
                    var below = 0;
                    for (var i = 0; i < layer; i++) { below += sets[i].data[day] || 0; }
                    var value = sets[layer].data[day];
                    if (value === null || value === undefined) { return null; }
                    return { x: chart.scales.x.getPixelForValue(day), y0: chart.scales.y.getPixelForValue(below),
                             y1: chart.scales.y.getPixelForValue(below + value) };
                  });
                  // A day whose neighbours are as thick: at the tip of a spike the band is only a pixel wide.
                  var best = null;
                  bands.forEach(function (band, day) {
                    if (band === null || day === 0 || day === bands.length - 1 || !bands[day - 1] || !bands[day + 1]) { return; }
                    var low = Math.max(band.y1, bands[day - 1].y1, bands[day + 1].y1);
                    var high = Math.min(band.y0, bands[day - 1].y0, bands[day + 1].y0);
                    if (best === null || high - low > best.height) {
                      best = { x: band.x, y: (low + high) / 2, height: high - low };
                    }
                  });
                  if (best !== null && best.height > 3) {
                    var pixel = context.getImageData(Math.round(best.x * ratio), Math.round(best.y * ratio), 1, 1).data;
                    samples.push({ label: sets[layer].label, top: layer === sets.length - 1,
                                   swatch: chart.legend.legendItems[layer].fillStyle,
                                   pixel: [pixel[0], pixel[1], pixel[2], pixel[3]] });
                  }
                }
                return samples;
                """, id);
        assertThat(samples).as("layers of " + id + " thick enough to sample").isNotEmpty();
        for (Map<String, Object> sample : samples) {
            String swatch = (String) sample.get("swatch");
            List<Long> expected = List.of(Long.parseLong(swatch.substring(1, 3), 16), Long.parseLong(swatch.substring(3, 5), 16),
                    Long.parseLong(swatch.substring(5, 7), 16), 255L);
            assertThat((List<Long>) sample.get("pixel")).as("pixel inside " + sample.get("label") + " of " + id
                    + (Boolean.TRUE.equals(sample.get("top")) ? " (the top layer)" : "") + ", legend " + swatch).isEqualTo(expected);
        }
    }

    private void open(String path) {
        browser.get(client.base() + path);
        await().atMost(Duration.ofSeconds(20)).until(() -> "complete".equals(
                ((JavascriptExecutor) browser).executeScript("return document.readyState")));
    }

    /** What Chart.js drew on one chart's canvas: painted pixels, legend labels, dataset labels. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> chartState(String id) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                var canvas = document.querySelector('canvas[data-chart="' + arguments[0] + '"]');
                var chart = Chart.getChart(canvas);
                var copy = document.createElement('canvas');
                copy.width = canvas.width;
                copy.height = canvas.height;
                var context = copy.getContext('2d', { willReadFrequently: true });
                context.drawImage(canvas, 0, 0);
                var pixels = context.getImageData(0, 0, copy.width, copy.height).data;
                var painted = 0;
                for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted++; } }
                var last = chart.data.labels.length - 1;
                var total = chart.data.datasets.reduce(function (sum, set) { return sum + (set.data[last] || 0); }, 0);
                return { painted: painted,
                         legend: chart.legend.legendItems.map(function (item) { return item.text; }),
                         datasets: chart.data.datasets.map(function (set) { return set.label; }),
                         lastDayTotal: total,
                         yMax: chart.options.scales.y.max === undefined ? null : chart.options.scales.y.max };
                """, id);
    }

    @SuppressWarnings("unchecked")
    private List<String> legendOf(String id) {
        return (List<String>) chartState(id).get("legend");
    }

    @SuppressWarnings("unchecked")
    private List<String> labels(String id) {
        Object labels = ((JavascriptExecutor) browser).executeScript(
                "var chart = Chart.getChart(document.querySelector('canvas[data-chart=\"' + arguments[0] + '\"]'));"
                        + "return chart ? chart.data.labels : [];", id);
        return (List<String>) labels;
    }

    @SuppressWarnings("unchecked")
    private List<Object> chartData(String id, int dataset) {
        return new ArrayList<>((List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(document.querySelector('canvas[data-chart=\"' + arguments[0] + '\"]'))"
                        + ".data.datasets[arguments[1]].data;", id, dataset));
    }

    private List<String> severeLogs() {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        return severe;
    }

    /** Saves the whole page at this width under target/screenshots/. */
    private void screenshot(String name, int width) throws IOException {
        browser.manage().window().setSize(new Dimension(width, 900));
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 16_000)));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static String css(String id) {
        return id.replace(".", "\\.");
    }
}
