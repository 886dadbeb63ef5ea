package dev.census.cli;

import dev.census.server.CensusServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;

/** {@code census serve}: the server on its embedded default or on PostgreSQL, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Census server (embedded DuckDB by default, PostgreSQL with --database).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        options.log.apply();
        CensusServer server = options.builder().build().start();
        runUntilStopped(server, () -> { });
        return 0;
    }

    /**
     * Says the server is ready and blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then
     * closes the server (committing what is queued) and runs {@code afterClose}.
     */
    static void runUntilStopped(CensusServer server, Runnable afterClose) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                afterClose.run();
            } finally {
                stopped.countDown();
            }
        }, "census-shutdown"));
        LoggerFactory.getLogger(ServeCommand.class).info("ready at {} (Ctrl-C to stop)", server.publicUrl());
        stopped.await();
    }
}
