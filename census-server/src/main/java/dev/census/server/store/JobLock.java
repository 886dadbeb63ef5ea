package dev.census.server.store;

/** Keeps a daily job to one runner at a time, across every replica sharing the store. */
public interface JobLock {

    /**
     * Runs the work unless another caller — on any replica sharing this database — is running the
     * same job now; returns whether it ran.
     */
    boolean runExclusive(String job, Runnable work);
}
