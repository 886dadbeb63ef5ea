package dev.census.server.testing;

import dev.census.server.store.ReportStore;
import dev.census.server.store.StoreUnavailableException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A real store whose appends wait at a gate the test opens, so a test can observe the server while
 * a commit is in progress; it can also fail appends as an unavailable database would.
 */
public final class GatedReportStore extends InterceptedStore {

    private final Semaphore gate = new Semaphore(0);
    private final CountDownLatch appendStarted = new CountDownLatch(1);
    private volatile boolean open;
    private volatile boolean failing;

    /** {@code delegate}, its appends closed until {@link #open()}. */
    public GatedReportStore(ReportStore delegate) {
        super(delegate);
    }

    /** Lets every append through from now on. */
    public void open() {
        open = true;
        gate.release(Integer.MAX_VALUE / 2);
    }

    /** Makes appends fail as if the database were down. */
    public void failAppends(boolean failing) {
        this.failing = failing;
    }

    /** Waits until an append has reached the gate. */
    public boolean awaitAppend() throws InterruptedException {
        return appendStarted.await(30, TimeUnit.SECONDS);
    }

    @Override
    protected Object intercept(String name) {
        switch (name) {
            case "append" -> {
                appendStarted.countDown();
                if (!open) {
                    gate.acquireUninterruptibly();
                }
                failIfDown();
            }
            case "ping" -> failIfDown();
            case "close" -> open();
            default -> { }
        }
        return PASS;
    }

    private void failIfDown() {
        if (failing) {
            throw new StoreUnavailableException("database is down (test)", null);
        }
    }
}
