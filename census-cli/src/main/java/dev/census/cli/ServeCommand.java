package dev.census.cli;

import dev.census.server.CensusServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code census serve}: the server on its embedded default or on PostgreSQL, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Census server (embedded DuckDB by default, PostgreSQL with --database).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        CensusServer server = options.builder().build().start();
        runUntilStopped(server);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then closes the server (committing what is queued). */
    static void runUntilStopped(CensusServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "census-shutdown"));
        System.out.println("Census is running at http://localhost:" + server.port() + "/ (Ctrl-C to stop)");
        stopped.await();
    }
}
