package dev.census.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bash shell that runs a guide's blocks one after the other, as a reader pasting them into one
 * terminal would: variables and background jobs carry over, and {@code set -e} ends it at the first
 * failing command. Closing it stops whatever it left running.
 */
final class GuideShell implements AutoCloseable {

    private static final String DONE = "__guide_block_done__";
    private static final String EXITED = "__guide_shell_exited__";

    private final Process bash;
    private final Writer input;
    private final Path blocks;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder transcript = new StringBuilder();
    /** Every process the shell was seen running after a block: a shell that fails leaves its jobs to init, not to us. */
    private final Set<ProcessHandle> started = ConcurrentHashMap.newKeySet();
    private int count;

    /** A shell in the directory with this environment; each block is written to a file in {@code blocks} and sourced. */
    GuideShell(Path directory, Map<String, String> environment, Path blocks) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc").directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        this.bash = builder.start();
        this.input = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        this.blocks = blocks;
        Thread reader = new Thread(this::read, "guide-shell-output");
        reader.setDaemon(true);
        reader.start();
        send("set -eo pipefail\n");
    }

    /** Runs one block; returns its output, or throws with the whole transcript when it fails or outlasts the timeout. */
    String run(String block, Duration timeout) throws IOException, InterruptedException {
        Path file = blocks.resolve("block-" + (++count) + ".sh");
        Files.writeString(file, block);
        send("source '" + file + "' < /dev/null\necho " + DONE + "\n");
        try {
            return outputOf(block, timeout);
        } finally {
            bash.descendants().forEach(started::add);
        }
    }

    private String outputOf(String block, Duration timeout) throws InterruptedException {
        StringBuilder output = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("block " + count + " did not finish within " + timeout + ":\n" + block + "\n" + transcript());
            }
            if (line.endsWith(DONE)) { // a block's last line may lack its line break (curl's does)
                return output.append(line, 0, line.length() - DONE.length()).toString();
            }
            if (line.startsWith(EXITED)) {
                throw new AssertionError("block " + count + " failed (" + line.substring(EXITED.length()).strip()
                        + "):\n" + block + "\noutput:\n" + transcript());
            }
            output.append(line).append('\n');
        }
    }

    /** Everything the shell printed so far. */
    synchronized String transcript() {
        return transcript.toString();
    }

    /** Whether any process the shell started is still running (a server in the background, say). */
    boolean hasRunningChildren() {
        return bash.descendants().anyMatch(ProcessHandle::isAlive);
    }

    private void send(String text) throws IOException {
        input.write(text);
        input.flush();
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (this) {
                    transcript.append(line).append('\n');
                }
                lines.add(line);
            }
            lines.add(EXITED + " exit code " + bash.waitFor());
        } catch (IOException e) {
            lines.add(EXITED + " its output closed: " + e.getMessage()); // closing the shell ends here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops what the shell left running, then the shell. */
    @Override
    public void close() throws InterruptedException {
        bash.descendants().forEach(started::add);
        List<ProcessHandle> children = started.stream().filter(ProcessHandle::isAlive).toList();
        children.forEach(ProcessHandle::destroy);
        bash.destroy();
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                child.destroyForcibly();
            }
        }
        if (!bash.waitFor(30, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
        }
    }
}
