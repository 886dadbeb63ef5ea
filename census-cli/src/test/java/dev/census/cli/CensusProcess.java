package dev.census.cli;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The census executable run as its own process, as an operator runs it: its output (both streams, in order) and a SIGTERM to stop it. */
final class CensusProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private CensusProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "census-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code census ARGS} with extra environment variables and {@code tmp} as its temporary directory. */
    static CensusProcess start(Map<String, String> environment, Path tmp, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), CensusCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CENSUS_"));
        builder.environment().putAll(environment);
        try {
            return new CensusProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output unreadable: " + e.getMessage() + ")");
        }
    }

    /** Waits for a line containing {@code text}; returns every line up to and including it. */
    List<String> linesUntil(String text) {
        await().atMost(Duration.ofSeconds(120)).until(() -> !process.isAlive() || lines().stream().anyMatch(line -> line.contains(text)));
        List<String> seen = lines();
        int index = seen.stream().filter(line -> line.contains(text)).findFirst().map(seen::indexOf)
                .orElseThrow(() -> new AssertionError("the process ended without printing '" + text + "': " + lines()));
        return seen.subList(0, index + 1);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Stops the process as Ctrl-C or a service manager would (SIGTERM) and returns its exit code once its output is read. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
