package io.newsdesk.fingerprint;

import java.util.Arrays;

/**
 * A MinHash signature (Broder 1997): for each of {@code k} hash functions the minimum over a shingle set. The share
 * of equal positions of two signatures estimates the Jaccard resemblance of their sets (standard error
 * sqrt(J(1-J)/k)).
 *
 * <p>Hash function {@code i} is {@code mix(x XOR seed_i)} with MurmurHash3's bijective 64-bit finalizer and
 * {@code seed_i} the i-th value of a SplitMix64 sequence from {@link #DEFAULT_SEED}: a fixed, deterministic family,
 * so signatures computed in different processes can be compared and stored. Immutable.
 */
public final class MinHashSignature {

    public static final long DEFAULT_SEED = 0x6E65777364657364L; // "newsdesd"

    public static final int DEFAULT_SIZE = 128;

    private static volatile long[] cachedSeeds = Hashing.splitMix(DEFAULT_SEED, DEFAULT_SIZE);

    private final long[] values;

    private MinHashSignature(long[] values) {
        this.values = values;
    }

    /** The signature of {@code shingles} with {@link #DEFAULT_SIZE} hash functions. */
    public static MinHashSignature of(long[] shingles) {
        return of(shingles, DEFAULT_SIZE);
    }

    /**
     * The signature of {@code shingles} with {@code k} hash functions. An empty set gives all
     * {@link Long#MAX_VALUE}: such a signature matches any other empty one and should not be indexed.
     */
    public static MinHashSignature of(long[] shingles, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive");
        }
        long[] seeds = seeds(k);
        long[] min = new long[k];
        Arrays.fill(min, Long.MAX_VALUE);
        for (long x : shingles) {
            for (int i = 0; i < k; i++) {
                long h = Hashing.mix(x ^ seeds[i]);
                if (h < min[i]) {
                    min[i] = h;
                }
            }
        }
        return new MinHashSignature(min);
    }

    /** A signature from stored values (e.g. read back from the database). */
    public static MinHashSignature ofValues(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a signature has at least one value");
        }
        return new MinHashSignature(values.clone());
    }

    private static long[] seeds(int k) {
        long[] seeds = cachedSeeds;
        if (seeds.length < k) {
            seeds = Hashing.splitMix(DEFAULT_SEED, k);
            cachedSeeds = seeds;
        }
        return seeds;
    }

    public int size() {
        return values.length;
    }

    public long value(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public long[] values() {
        return values.clone();
    }

    /** The share of positions where both signatures agree: an estimate of the Jaccard resemblance. */
    public double estimateJaccard(MinHashSignature other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("signatures of different sizes");
        }
        int equal = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                equal++;
            }
        }
        return (double) equal / values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHashSignature s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MinHashSignature[" + values.length + " values]";
    }
}
