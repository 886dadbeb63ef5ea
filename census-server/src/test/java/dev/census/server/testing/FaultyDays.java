package dev.census.server.testing;

import dev.census.server.store.ReportStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real store in which chosen product days fail to aggregate, and chosen products fail to list
 * their days, as a corrupt row or a failing query would, until the test heals them. A dynamic proxy
 * passes every other call to the real store, whatever methods the store interface gains.
 */
public final class FaultyDays {

    private final Set<String> brokenDays = ConcurrentHashMap.newKeySet();
    private final Set<String> brokenProducts = ConcurrentHashMap.newKeySet();
    private final ReportStore store;

    public FaultyDays(ReportStore delegate) {
        this.store = (ReportStore) Proxy.newProxyInstance(ReportStore.class.getClassLoader(), new Class<?>[] {ReportStore.class},
                (proxy, method, args) -> call(delegate, method, args));
    }

    /** The store to give the server. */
    public ReportStore store() {
        return store;
    }

    /** From now on the day's aggregation fails. */
    public FaultyDays breakDay(String product, LocalDate day) {
        brokenDays.add(product + "/" + day);
        return this;
    }

    /** From now on the product's earliest raw day cannot be read. */
    public FaultyDays breakProduct(String product) {
        brokenProducts.add(product);
        return this;
    }

    /** Every day and product works again. */
    public void heal() {
        brokenDays.clear();
        brokenProducts.clear();
    }

    private Object call(ReportStore delegate, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("aggregateDay") && brokenDays.contains(args[0] + "/" + args[1])) {
            throw new IllegalStateException("broken on purpose: " + args[0] + " " + args[1]);
        }
        if (method.getName().equals("earliestRawDay") && brokenProducts.contains((String) args[0])) {
            throw new IllegalStateException("broken on purpose: " + args[0]);
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
