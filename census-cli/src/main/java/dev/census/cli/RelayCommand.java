package dev.census.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code census relay}: a relay's queue and controls, through its admin API (docs/relay.md). */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = "Inspect and control a running relay: status, pause, resume, send-now, list a day's outgoing reports, export them.")
final class RelayCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "status|pause|resume|send-now|list|export",
            description = "status: the queue per day and state; pause, resume, send-now: control forwarding; "
                    + "list: a day's reports with the exact bytes that leave; export FILE: the same, as JSON into FILE.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Where export writes.")
    Path file;

    @Option(names = "--url", required = true, paramLabel = "URL", defaultValue = "${env:CENSUS_URL}",
            description = "The relay, e.g. http://relay.internal:8080 (CENSUS_URL).")
    URI url;

    @Option(names = "--admin-token", required = true, paramLabel = "TOKEN", defaultValue = "${env:CENSUS_ADMIN_TOKEN}",
            description = "The relay's admin token (CENSUS_ADMIN_TOKEN).")
    String adminToken;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The day list and export show (default today, UTC).")
    String day;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String query = day == null ? "" : "?day=" + day;
        HttpResponse<String> response = switch (action) {
            case "status" -> send("GET", "/api/v1/admin/relay");
            case "pause", "resume", "send-now" -> send("POST", "/api/v1/admin/relay/" + action);
            case "list", "export" -> send("GET", "/api/v1/admin/relay/queue" + query);
            default -> null;
        };
        if (response == null) {
            err.println("unknown action " + action + ": status, pause, resume, send-now, list or export FILE");
            return 2;
        }
        if (action.equals("export") && file == null) {
            err.println("export needs a FILE to write");
            return 2;
        }
        if (response.statusCode() != 200) {
            err.println("the relay answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        JsonNode body = JSON.readTree(response.body());
        switch (action) {
            case "status" -> status(out, body);
            case "list" -> list(out, body);
            case "export" -> {
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n");
                out.println("exported " + body.get("reports").size() + " reports of " + body.get("day").asText() + " to " + file);
            }
            default -> out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        }
        return 0;
    }

    private static void status(PrintWriter out, JsonNode body) {
        out.println("upstream: " + body.get("upstream").asText() + " (" + body.get("schedule").asText() + ")"
                + (body.get("paused").asBoolean() ? ", PAUSED" : ""));
        out.println("next run: " + text(body.get("next_run")));
        for (JsonNode day : body.get("days")) {
            out.printf("%s  %-9s %6d  last attempt %s%n", day.get("day").asText(), day.get("state").asText(),
                    day.get("reports").asLong(), text(day.get("last_attempt")));
        }
        JsonNode error = body.get("last_error");
        if (!error.isNull()) {
            out.println("last error: report " + error.get("report_id").asLong() + " of " + error.get("product").asText()
                    + " at " + error.get("at").asText() + ": " + error.get("error").asText());
        }
    }

    /** One line per report, then its bytes: as text when JSON, else in base64. */
    private static void list(PrintWriter out, JsonNode body) {
        for (JsonNode report : body.get("reports")) {
            out.printf("%d  %s  %s  %s %s  attempts %d%n", report.get("report_id").asLong(), report.get("product").asText(),
                    report.get("state").asText(), report.get("format").asText(), report.get("path").asText(),
                    report.get("attempts").asInt());
            out.println("  " + (report.get("body_text").isNull() ? "base64:" + report.get("body_base64").asText()
                    : report.get("body_text").asText()));
        }
        if (body.get("reports").isEmpty()) {
            out.println("no reports of " + body.get("day").asText() + " in the queue");
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "-" : value.asText();
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        String base = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1) : url.toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + adminToken).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
