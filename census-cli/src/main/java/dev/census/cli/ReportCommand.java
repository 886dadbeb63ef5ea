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
        description = {"Builds this installation's usage report with the Census SDK: preview it, send it now,",
                "inspect or pause the outbox, or reset the system ID (which deletes the old ID's data on the server).",
                "DO_NOT_TRACK=1 and CENSUS_MODE=off are honoured; CI=true never uploads."})
public final class ReportCommand implements Callable<Integer> {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][-+]?\\d+)?");

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, description = "The product as the server knows it, e.g. pulp.")
    String product;

    @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "The production channel's server.")
    URI endpoint;

    @Option(names = "--dev-endpoint", paramLabel = "URL", description = "The dev channel's server, for pre-release versions.")
    URI devEndpoint;

    @Option(names = "--mirror-endpoint", paramLabel = "URL", description = "An internal server that receives a copy.")
    URI mirrorEndpoint;

    @Option(names = "--state-dir", required = true, paramLabel = "DIR", description = "Where the identity and the outbox live.")
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
        @Option(names = "--preview", required = true, description = "Print the exact JSON the next upload would send.")
        boolean preview;

        @Option(names = "--send-now", required = true, description = "Build a report and send it at once (consent permitting).")
        boolean sendNow;

        @Option(names = "--outbox", required = true, arity = "1..2", paramLabel = "list|pause|resume|export FILE",
                description = "List the outbox, pause or resume uploads, or export every kept report to FILE.")
        List<String> outbox;

        @Option(names = "--reset-system-id", required = true,
                description = "Replace the system ID and ask the server to delete the old one's data.")
        boolean resetSystemId;
    }

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
        try (Census census = census()) {
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

    private Census census() {
        Census.Builder builder;
        try {
            builder = Census.builder().product(product).endpoint(endpoint).stateDir(stateDir)
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
