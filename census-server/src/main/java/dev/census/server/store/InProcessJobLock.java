package dev.census.server.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** Exclusion within this process: enough for an engine whose database one process owns. */
final class InProcessJobLock implements JobLock {

    private final Map<String, Semaphore> jobs = new ConcurrentHashMap<>();

    @Override
    public boolean runExclusive(String job, Runnable work) {
        Semaphore running = jobs.computeIfAbsent(job, name -> new Semaphore(1));
        if (!running.tryAcquire()) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            running.release();
        }
    }
}
