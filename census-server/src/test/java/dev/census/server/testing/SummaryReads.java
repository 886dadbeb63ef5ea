package dev.census.server.testing;

import dev.census.server.store.ReportStore;
import dev.census.server.store.SummaryQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/** A real store that also notes every summary read it answers, for tests of what is read when. */
public final class SummaryReads {

    private SummaryReads() {
    }

    /** The store, with each {@code readSummaries} query appended to {@code reads} before it runs. */
    public static ReportStore recordedInto(ReportStore real, List<SummaryQuery> reads) {
        return (ReportStore) Proxy.newProxyInstance(SummaryReads.class.getClassLoader(), new Class<?>[] {ReportStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("readSummaries")) {
                        reads.add((SummaryQuery) args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
