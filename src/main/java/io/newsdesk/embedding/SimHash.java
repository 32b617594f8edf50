package io.newsdesk.embedding;

import java.util.Random;

/**
 * Random-hyperplane sign bits of a vector (Charikar's SimHash). Two vectors at angle θ differ in each bit with
 * probability θ/π, so the Hamming distance of their codes estimates their cosine, the more closely the longer the
 * code. The window scan ranks story embeddings by the distance of their {@value #CODE_BITS}-bit codes in PostgreSQL
 * and reads only the nearest vectors. The hyperplanes come from a fixed seed: codes are comparable across processes
 * and restarts, and the first {@value #WORD_BITS} bits of every code are the 64-bit hash stored before the long code
 * existed.
 */
public final class SimHash {

    public static final int WORD_BITS = 64;
    public static final int CODE_BITS = 512;
    private static final long SEED = 0x5EED_0F_5A1EL;

    private final float[][] hyperplanes;

    /** The service's code: {@value #CODE_BITS} bits. */
    public SimHash(int dimensions) {
        this(dimensions, CODE_BITS);
    }

    /** A code of {@code bits} bits, a multiple of 64; shorter codes are prefixes of longer ones. */
    public SimHash(int dimensions, int bits) {
        if (bits <= 0 || bits % WORD_BITS != 0) {
            throw new IllegalArgumentException("bits must be a positive multiple of 64: " + bits);
        }
        Random random = new Random(SEED);
        hyperplanes = new float[bits][dimensions];
        for (float[] plane : hyperplanes) {
            for (int d = 0; d < dimensions; d++) {
                plane[d] = (float) random.nextGaussian();
            }
        }
    }

    public int dimensions() {
        return hyperplanes[0].length;
    }

    /** The code as 64-bit words, bit b of the code in word b / 64. */
    public long[] of(float[] vector) {
        long[] code = new long[hyperplanes.length / WORD_BITS];
        for (int b = 0; b < hyperplanes.length; b++) {
            if (Vectors.dot(hyperplanes[b], vector) >= 0) {
                code[b / WORD_BITS] |= 1L << (b % WORD_BITS);
            }
        }
        return code;
    }

    /** The number of differing bits. */
    public static int distance(long[] a, long[] b) {
        int distance = 0;
        for (int w = 0; w < a.length; w++) {
            distance += Long.bitCount(a[w] ^ b[w]);
        }
        return distance;
    }

    /** The code as a PostgreSQL bit string literal ({@code bit(n)} input): one character per bit, bit 0 first. */
    public static String bitString(long[] code) {
        StringBuilder bits = new StringBuilder(code.length * WORD_BITS);
        for (long word : code) {
            for (int b = 0; b < WORD_BITS; b++) {
                bits.append((word >>> b & 1) == 1 ? '1' : '0');
            }
        }
        return bits.toString();
    }

    /**
     * The Hamming distance of the first words (the 64-bit hash) below which a pair with cosine {@code minCosine}
     * falls with probability above 0.999: the expected distance plus 3.1 standard deviations of the binomial.
     */
    public static int maxDistanceFor(double minCosine) {
        double p = Math.acos(Math.max(-1, Math.min(1, minCosine))) / Math.PI;
        return (int) Math.ceil(WORD_BITS * p + 3.1 * Math.sqrt(WORD_BITS * p * (1 - p)));
    }
}
