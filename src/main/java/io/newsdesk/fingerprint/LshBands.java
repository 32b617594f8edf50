package io.newsdesk.fingerprint;

/**
 * Locality-sensitive hashing of MinHash signatures by banding: the signature is cut into {@code bands} bands of
 * {@code rows} consecutive values and each band is hashed to one {@code long}. Two texts are candidates when they
 * share a band hash in the same band, which happens with probability {@code 1 - (1 - J^rows)^bands} for Jaccard
 * resemblance J. In PostgreSQL each band is a row {@code (band_no, band_hash) -> article_id} under an index on
 * {@code (band_no, band_hash)}.
 *
 * @param bands the number of bands
 * @param rows  signature values per band; {@code bands * rows} must not exceed the signature size
 */
public record LshBands(int bands, int rows) {

    /**
     * 64 bands of 2 rows over a 128-value signature: a pair with J = 0.3 (a copy cut to 40% with a few typos) is a
     * candidate with probability 0.998, one with J = 0.05 with probability 0.15, an unrelated one (J < 0.01)
     * practically never. See {@code DedupEvaluation} for the candidate recall on the development set.
     */
    public static final LshBands DEFAULT = new LshBands(64, 2);

    public LshBands {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be positive");
        }
    }

    /** The number of signature values used. */
    public int signatureSize() {
        return bands * rows;
    }

    /** The band hashes of {@code signature}; element {@code b} is the hash of band {@code b}. */
    public long[] hashes(MinHashSignature signature) {
        if (signature.size() < signatureSize()) {
            throw new IllegalArgumentException(
                    "signature of " + signature.size() + " values, " + signatureSize() + " needed");
        }
        long[] out = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = Hashing.mix(b + 1L);
            for (int r = 0; r < rows; r++) {
                h = Hashing.mix(h * Hashing.GOLDEN + signature.value(b * rows + r));
            }
            out[b] = h;
        }
        return out;
    }

    /** The probability that a pair with Jaccard resemblance {@code jaccard} shares at least one band. */
    public double collisionProbability(double jaccard) {
        return 1 - Math.pow(1 - Math.pow(jaccard, rows), bands);
    }

    /** Whether two band-hash arrays (from the same parameters) share a band. */
    public static boolean collide(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return bands + " bands x " + rows + " rows";
    }
}
