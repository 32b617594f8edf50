package io.newsdesk.embedding;

import java.util.Random;

/**
 * 64 random-hyperplane sign bits of a vector (Charikar's SimHash). Two vectors at angle θ differ in each bit with
 * probability θ/π, so the Hamming distance of their hashes estimates their cosine; it screens candidates before any
 * vector is read. The hyperplanes come from a fixed seed: hashes are comparable across processes and restarts.
 */
public final class SimHash {

    public static final int BITS = 64;
    private static final long SEED = 0x5EED_0F_5A1EL;

    private final float[][] hyperplanes;

    public SimHash(int dimensions) {
        Random random = new Random(SEED);
        hyperplanes = new float[BITS][dimensions];
        for (float[] plane : hyperplanes) {
            for (int d = 0; d < dimensions; d++) {
                plane[d] = (float) random.nextGaussian();
            }
        }
    }

    public int dimensions() {
        return hyperplanes[0].length;
    }

    public long of(float[] vector) {
        long bits = 0;
        for (int b = 0; b < BITS; b++) {
            if (Vectors.dot(hyperplanes[b], vector) >= 0) {
                bits |= 1L << b;
            }
        }
        return bits;
    }

    /**
     * The Hamming distance below which a pair with cosine {@code minCosine} falls with probability above 0.999: the
     * expected distance plus 3.1 standard deviations of the binomial.
     */
    public static int maxDistanceFor(double minCosine) {
        double p = Math.acos(Math.max(-1, Math.min(1, minCosine))) / Math.PI;
        return (int) Math.ceil(BITS * p + 3.1 * Math.sqrt(BITS * p * (1 - p)));
    }
}
