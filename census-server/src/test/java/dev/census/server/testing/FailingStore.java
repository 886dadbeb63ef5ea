package dev.census.server.testing;

import dev.census.server.store.ReportStore;
import dev.census.server.store.StoreUnavailableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A real store behind two switches: while failing, every call throws as an unreachable database
 * would; while busy, the daily jobs' lock is held elsewhere. A proxy, so methods added to
 * {@link ReportStore} later pass through without a change here.
 */
public final class FailingStore implements InvocationHandler {

    private final ReportStore delegate;
    private final ReportStore proxy;
    private volatile boolean failing;
    private volatile boolean busy;

    private FailingStore(ReportStore delegate) {
        this.delegate = delegate;
        this.proxy = (ReportStore) Proxy.newProxyInstance(ReportStore.class.getClassLoader(),
                new Class<?>[] {ReportStore.class}, this);
    }

    public static FailingStore around(ReportStore delegate) {
        return new FailingStore(delegate);
    }

    /** The store to hand to the server. */
    public ReportStore store() {
        return proxy;
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
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        if (!name.equals("close")) {
            if (busy && name.equals("runExclusive")) {
                return false;
            }
            if (failing) {
                throw new StoreUnavailableException("database is down (test)", null);
            }
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
