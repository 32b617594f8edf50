package io.newsdesk.fingerprint;

/**
 * The overlap of two shingle sets: Jaccard resemblance and containment (Broder 1997). Containment of A in B is
 * |A ∩ B| / |A|: near 1 when A is a cut-short or lightly edited copy of B, whatever B's extra text.
 *
 * @param sizeA  |A|
 * @param sizeB  |B|
 * @param common |A ∩ B|
 */
public record Resemblance(int sizeA, int sizeB, int common) {

    /** The resemblance of two sorted, distinct hash arrays (as {@link Shingles#of(String)} returns). */
    public static Resemblance of(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return new Resemblance(a.length, b.length, common);
    }

    /** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
    public double jaccard() {
        int union = sizeA + sizeB - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /** |A ∩ B| / |A|; 0 when A is empty. */
    public double containmentOfA() {
        return sizeA == 0 ? 0 : (double) common / sizeA;
    }

    /** |A ∩ B| / |B|; 0 when B is empty. */
    public double containmentOfB() {
        return sizeB == 0 ? 0 : (double) common / sizeB;
    }

    /** max(containment of A in B, of B in A): the share of the smaller set found in the other. */
    public double maxContainment() {
        return Math.max(containmentOfA(), containmentOfB());
    }

    /** The size of the smaller set. */
    public int smallerSize() {
        return Math.min(sizeA, sizeB);
    }
}
