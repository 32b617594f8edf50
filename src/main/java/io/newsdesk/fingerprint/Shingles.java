package io.newsdesk.fingerprint;


import java.util.Arrays;
import java.util.List;

/**
 * How a text becomes a set of 64-bit shingle hashes: word {@code k}-shingles (runs of {@code k} consecutive words)
 * or character {@code n}-grams of the words joined by single spaces. Either way the text is first reduced to
 * {@link TextNormalizer#words(String) words}, so case, Unicode form, punctuation and whitespace do not matter.
 *
 * <p>A text shorter than one shingle gives a single shingle of all it has; a text without words gives none.
 * Thread-safe.
 *
 * @param kind  words or characters
 * @param size  the shingle length in words or characters, at least 1
 */
public record Shingles(Kind kind, int size) {

    public enum Kind {
        WORDS, CHARS
    }

    /** Word 5-shingles: the default, see {@link DedupThresholds}. */
    public static final Shingles DEFAULT = words(5);

    public Shingles {
        if (kind == null || size < 1) {
            throw new IllegalArgumentException("shingle kind and a positive size are required");
        }
    }

    public static Shingles words(int k) {
        return new Shingles(Kind.WORDS, k);
    }

    public static Shingles chars(int n) {
        return new Shingles(Kind.CHARS, n);
    }

    /** The distinct shingle hashes of {@code text}, sorted ascending (signed order). */
    public long[] of(String text) {
        List<String> words = TextNormalizer.words(text);
        if (words.isEmpty()) {
            return new long[0];
        }
        long[] hashes = kind == Kind.WORDS ? wordShingles(words) : charShingles(String.join(" ", words));
        Arrays.sort(hashes);
        return distinct(hashes);
    }

    private long[] wordShingles(List<String> words) {
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            String w = words.get(i);
            wordHashes[i] = Hashing.chars(w, 0, w.length());
        }
        int k = Math.min(size, wordHashes.length);
        long[] out = new long[wordHashes.length - k + 1];
        for (int i = 0; i < out.length; i++) {
            long h = k;
            for (int j = 0; j < k; j++) {
                h = h * Hashing.GOLDEN + wordHashes[i + j];
            }
            out[i] = Hashing.mix(h);
        }
        return out;
    }

    private long[] charShingles(String joined) {
        int n = Math.min(size, joined.length());
        long[] out = new long[joined.length() - n + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = Hashing.chars(joined, i, i + n);
        }
        return out;
    }

    private static long[] distinct(long[] sorted) {
        if (sorted.length == 0) {
            return sorted;
        }
        int n = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    @Override
    public String toString() {
        return (kind == Kind.WORDS ? "word " : "char ") + size + "-shingles";
    }
}
