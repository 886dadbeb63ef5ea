package dev.census.server.vocabulary;

/** Bucket names that any published metric may carry. */
public final class Buckets {

    /** Where buckets of fewer than k systems merge; published only when it reaches k itself, and listed last. */
    public static final String OTHER = "other";

    private Buckets() {
    }
}
