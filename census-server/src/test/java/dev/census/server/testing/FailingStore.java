package dev.census.server.testing;

import dev.census.server.store.ReportStore;
import dev.census.server.store.StoreUnavailableException;

/**
 * A real store behind two switches: while failing, every call throws as an unreachable database
 * would; while busy, the daily jobs' lock is held elsewhere.
 */
public final class FailingStore extends InterceptedStore {

    private volatile boolean failing;
    private volatile boolean busy;

    private FailingStore(ReportStore delegate) {
        super(delegate);
    }

    public static FailingStore around(ReportStore delegate) {
        return new FailingStore(delegate);
    }

    /** Makes every call fail (or succeed again). */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** Makes the daily jobs' lock look taken by another replica (or free again). */
    public void busy(boolean busy) {
        this.busy = busy;
    }

    @Override
    protected Object intercept(String name) {
        if (name.equals("close")) {
            return PASS;
        }
        if (busy && name.equals("runExclusive")) {
            return false;
        }
        if (failing) {
            throw new StoreUnavailableException("database is down (test)", null);
        }
        return PASS;
    }
}
