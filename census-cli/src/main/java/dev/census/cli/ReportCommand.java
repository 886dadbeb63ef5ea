package dev.census.cli;

import dev.census.sdk.Census;
import dev.census.sdk.Consent;
import dev.census.sdk.Outbox;
import dev.census.sdk.UploadResult;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code census report}: the Census SDK from a shell, to preview, send, or manage the outbox of an installation. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Preview, send or manage this installation's usage report with the Census SDK.",
                "--preview --state-dir DIR prints what the application using DIR sends; --outbox needs only --state-dir; "
                        + "--send-now and --reset-system-id (which deletes the old ID's data on the server) need --product and --endpoint.",
                "DO_NOT_TRACK=1 and CENSUS_MODE=off are honoured; CI=true never uploads."})
public final class ReportCommand implements Callable<Integer> {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][-+]?\\d+)?");
    /** The first field after the product and the system ID that changes with every report: the time it is sent. */
    private static final Pattern SENT_AT = Pattern.compile("\"sent_at\":\"[^\"]*\"");
    /** What an application's Census SDK keeps in its state directory: the last report it gathered, as sent. */
    static final String SNAPSHOT = "last-report.json";

    @Spec
    CommandSpec spec;

    @Option(names = "--product", description = "The product as the server knows it, e.g. pulp (to build a report here).")
    String product;

    @Option(names = "--endpoint", paramLabel = "URL", description = "The production channel's server (to build or send a report here).")
    URI endpoint;

    @Option(names = "--dev-endpoint", paramLabel = "URL", description = "The dev channel's server, for pre-release versions.")
    URI devEndpoint;

    @Option(names = "--mirror-endpoint", paramLabel = "URL", description = "An internal server that receives a copy.")
    URI mirrorEndpoint;

    @Option(names = "--state-dir", required = true, paramLabel = "DIR",
            description = "The state directory of the installation: its identity, its outbox and its last report.")
    Path stateDir;

    @Option(names = "--component", paramLabel = "NAME=VERSION", mapFallbackValue = "",
            description = "A component and its version (repeatable).")
    Map<String, String> components = new LinkedHashMap<>();

    @Option(names = "--metric", paramLabel = "NAME=VALUE",
            description = "A metric value (repeatable): true/false is a boolean, a number a number, anything else a string.")
    Map<String, String> metrics = new LinkedHashMap<>();

    @Option(names = "--consent", paramLabel = "on|local|off",
            description = "The administrator's choice; without it, the SDK's default (on).")
    String consent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--preview", required = true,
                description = "Print the exact JSON the next upload would send: with only --state-dir, the application's "
                        + "last report stamped now; with --product, one built here from --component and --metric. Creates nothing.")
        boolean preview;

        @Option(names = "--send-now", required = true, description = "Build a report and send it at once (consent permitting).")
        boolean sendNow;

        @Option(names = "--outbox", required = true, arity = "1..2", paramLabel = "(list|pause|resume|export FILE)", hideParamSyntax = true,
                description = "List the outbox, pause or resume uploads, or export every kept report to FILE.")
        List<String> outbox;

        @Option(names = "--reset-system-id", required = true,
                description = "Replace the system ID and ask the server to delete the old one's data.")
        boolean resetSystemId;
    }

    /** Stand-ins when only the outbox is read or changed: nothing is built or sent then. */
    private static final String OUTBOX_ONLY_PRODUCT = "outbox";
    private static final URI OUTBOX_ONLY_ENDPOINT = URI.create("http://localhost/");

    private final Map<String, String> environment;
    private final Clock clock;

    public ReportCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For tests: the environment (DO_NOT_TRACK, CENSUS_MODE, CI, proxies) and the clock to use. */
    public ReportCommand(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (action.preview && product == null) {
            return previewOfTheApplication(out);
        }
        boolean local = action.outbox != null && !action.outbox.get(0).equals("resume");
        if (!local) {
            require(action.preview ? "--preview with --product" : action.sendNow ? "--send-now"
                    : action.resetSystemId ? "--reset-system-id" : "--outbox resume");
        }
        try (Census census = census(local)) {
            if (action.preview) {
                out.println(census.preview());
                return 0;
            }
            if (action.sendNow) {
                return print(out, census.sendNow());
            }
            if (action.resetSystemId) {
                boolean deleted = census.resetSystemId();
                out.println(deleted ? "The system ID was replaced and the server deleted the old ID's data."
                        : "The old ID's data could not be confirmed deleted (see the log above).");
                return deleted ? 0 : 1;
            }
            return outbox(out, census.outbox());
        }
    }

    /** Refuses an action without --product or --endpoint, naming every one missing. */
    private void require(String what) {
        List<String> missing = new java.util.ArrayList<>();
        if (product == null) {
            missing.add("--product");
        }
        if (endpoint == null) {
            missing.add("--endpoint");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), what + " needs " + String.join(" and ", missing)
                    + " (missing: " + String.join(", ", missing) + ")");
        }
    }

    /**
     * The report the application using the state directory sends next: the last one its SDK gathered
     * (at start, and with every report), stamped with the time now, as an upload would be. Reads one
     * file and writes nothing.
     */
    private int previewOfTheApplication(PrintWriter out) {
        Path file = stateDir.resolve(SNAPSHOT);
        String report;
        try {
            report = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("census report: no report in " + stateDir + " yet (" + file + " is missing): "
                    + "the application's Census SDK writes it when it starts reporting; or build one here with "
                    + "--product, --endpoint, --component and --metric");
            return 1;
        }
        String sentAt = "\"sent_at\":\"" + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"";
        out.println(SENT_AT.matcher(report).replaceFirst(java.util.regex.Matcher.quoteReplacement(sentAt)));
        return 0;
    }

    /** The SDK on the state directory; for the outbox alone ({@code local}), product and endpoint are not needed. */
    private Census census(boolean local) {
        Census.Builder builder;
        try {
            builder = Census.builder().product(product != null ? product : OUTBOX_ONLY_PRODUCT)
                    .endpoint(endpoint != null ? endpoint : OUTBOX_ONLY_ENDPOINT).stateDir(stateDir)
                    .environment(environment).clock(clock)
                    .previewHint("`census report --preview`")
                    .disableHint("--consent off, CENSUS_MODE=off or DO_NOT_TRACK=1");
            if (devEndpoint != null) {
                builder.devEndpoint(devEndpoint);
            }
            if (mirrorEndpoint != null) {
                builder.mirrorEndpoint(mirrorEndpoint);
            }
            if (consent != null) {
                builder.consent(Consent.parse(consent));
            }
            components.forEach(builder::component);
            metrics.forEach((name, value) -> {
                Object typed = typed(value);
                builder.metric(name, () -> typed);
            });
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return builder.build();
    }

    /** true/false → boolean, numbers → number, anything else → string. */
    static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        if (NUMBER.matcher(value).matches()) {
            return Double.parseDouble(value);
        }
        return value;
    }

    private int outbox(PrintWriter out, Outbox outbox) {
        String verb = action.outbox.get(0);
        switch (verb) {
            case "list" -> {
                List<Outbox.Entry> entries = outbox.list();
                out.println(outbox.isPaused() ? "Uploads are paused." : "Uploads are not paused.");
                for (Outbox.Entry entry : entries) {
                    out.printf("%s  %s  %-10s  %s%n", entry.id(), entry.day(), entry.status().name().toLowerCase(),
                            entry.reason() == null ? "" : entry.reason());
                }
                out.println(Plural.of(entries.size(), "report") + " in the outbox.");
                return 0;
            }
            case "pause" -> {
                outbox.pause();
                out.println("Uploads are paused: reports are kept in the outbox for inspection.");
                return 0;
            }
            case "resume" -> {
                return print(out, outbox.resume());
            }
            case "export" -> {
                if (action.outbox.size() != 2) {
                    throw new ParameterException(spec.commandLine(), "--outbox export needs a FILE");
                }
                Path file = Path.of(action.outbox.get(1));
                outbox.export(file);
                out.println("Exported " + Plural.of(outbox.list().size(), "report") + " to " + file + ".");
                return 0;
            }
            default -> throw new ParameterException(spec.commandLine(),
                    "--outbox must be list, pause, resume or export FILE (was " + verb + ")");
        }
    }

    private static int print(PrintWriter out, UploadResult result) {
        out.println(result.outcome().name().toLowerCase().replace('_', ' ') + ": " + result.detail());
        return result.outcome() == UploadResult.Outcome.FAILED ? 1 : 0;
    }
}
