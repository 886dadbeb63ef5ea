package dev.census.server.testing;

import dev.census.server.store.ReportStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A real store seen through a proxy that lets a test step in before each call: a proxy, so methods
 * added to {@link ReportStore} later pass through without a change to any test store.
 */
public abstract class InterceptedStore implements InvocationHandler {

    /** What {@link #intercept} answers to let the call reach the real store. */
    protected static final Object PASS = new Object();

    private final ReportStore delegate;
    private final ReportStore proxy;

    protected InterceptedStore(ReportStore delegate) {
        this.delegate = delegate;
        this.proxy = (ReportStore) Proxy.newProxyInstance(ReportStore.class.getClassLoader(),
                new Class<?>[] {ReportStore.class}, this);
    }

    /** The store to hand to the server. */
    public final ReportStore store() {
        return proxy;
    }

    /**
     * Runs before the store method {@code name} is called; answers {@link #PASS} to call the real
     * store, or the value to return instead (or throws).
     */
    protected abstract Object intercept(String name);

    @Override
    public final Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        Object answer = intercept(method.getName());
        if (answer != PASS) {
            return answer;
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
