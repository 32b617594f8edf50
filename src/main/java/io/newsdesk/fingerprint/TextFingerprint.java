package io.newsdesk.fingerprint;


import java.util.Arrays;

/**
 * Everything the duplicate check needs from one cleaned text: the hash of its normal form (EXACT duplicates), its
 * shingle set (verification), its MinHash signature and its LSH band hashes (candidate lookup).
 *
 * @param exactHash  {@link TextNormalizer#exactHash(String)}
 * @param shingles   sorted distinct shingle hashes
 * @param signature  MinHash signature of the shingles; null in a {@link #forComparison} fingerprint
 * @param bandHashes LSH band hashes of the signature; empty when the text has no shingles (nothing to index), and in
 *                   a {@link #forComparison} fingerprint
 */
public record TextFingerprint(long exactHash, long[] shingles, MinHashSignature signature, long[] bandHashes) {

    /** The fingerprint with the default parameters ({@link Shingles#DEFAULT}, {@link LshBands#DEFAULT}). */
    public static TextFingerprint of(String cleanedText) {
        return of(cleanedText, Shingles.DEFAULT, LshBands.DEFAULT);
    }

    public static TextFingerprint of(String cleanedText, Shingles shingling, LshBands bands) {
        long[] shingles = shingling.of(cleanedText);
        MinHashSignature signature = MinHashSignature.of(shingles, Math.max(bands.signatureSize(),
                MinHashSignature.DEFAULT_SIZE));
        long[] bandHashes = shingles.length == 0 ? new long[0] : bands.hashes(signature);
        return new TextFingerprint(TextNormalizer.exactHash(cleanedText), shingles, signature, bandHashes);
    }

    /**
     * What comparing a stored text with another needs ({@link #isSameText}, {@link #resemblance}): its stored
     * normal-form hash and its shingles, without the MinHash signature and band hashes that only indexing needs and
     * that cost twice the shingles. For the candidates of story assignment.
     */
    public static TextFingerprint forComparison(long exactHash, String cleanedText) {
        return new TextFingerprint(exactHash, Shingles.DEFAULT.of(cleanedText), null, new long[0]);
    }

    /** Whether the text had no words. */
    public boolean isEmpty() {
        return shingles.length == 0;
    }

    /** Whether both texts have words and the same normalised text. */
    public boolean isSameText(TextFingerprint other) {
        return !isEmpty() && !other.isEmpty() && exactHash == other.exactHash;
    }

    public Resemblance resemblance(TextFingerprint other) {
        return Resemblance.of(shingles, other.shingles);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextFingerprint f && exactHash == f.exactHash && Arrays.equals(shingles, f.shingles)
                && java.util.Objects.equals(signature, f.signature) && Arrays.equals(bandHashes, f.bandHashes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(exactHash) * 31 + Arrays.hashCode(bandHashes);
    }

    @Override
    public String toString() {
        return "TextFingerprint[exactHash=" + Long.toHexString(exactHash) + ", " + shingles.length + " shingles, "
                + bandHashes.length + " bands]";
    }
}
