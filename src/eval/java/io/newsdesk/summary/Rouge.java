package io.newsdesk.summary;

import io.newsdesk.text.Words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE (Lin 2004) F1 scores between a candidate summary and one reference, implemented here.
 *
 * <p>Tokens: the text is lower-cased and split on every character that is not a Unicode letter or digit
 * ({@code "U.S.-based"} gives {@code u, s, based}; {@code "dragon's"} gives {@code dragon, s}). No stemming, no
 * stop-word removal, no PTB-token normalisation. ROUGE-N counts clipped n-gram matches (an n-gram counts at most
 * as often as it occurs in the reference). ROUGE-L is the summary-level LCS over the whole token sequence of each
 * text (what the {@code rouge-score} package calls {@code rougeL}, not the sentence-union {@code rougeLsum}).
 * Every F1 here is the balanced F-measure (beta = 1); a score is 0 when either side has no n-grams.
 */
public final class Rouge {


    private Rouge() {
    }

    /** Precision, recall and F1 of one ROUGE variant, each in [0, 1]. */
    public record Score(double precision, double recall, double f1) {

        public static final Score ZERO = new Score(0, 0, 0);

        static Score of(int matches, int candidateCount, int referenceCount) {
            if (matches == 0 || candidateCount == 0 || referenceCount == 0) {
                return ZERO;
            }
            double precision = (double) matches / candidateCount;
            double recall = (double) matches / referenceCount;
            return new Score(precision, recall, 2 * precision * recall / (precision + recall));
        }
    }

    /** ROUGE-1, ROUGE-2 and ROUGE-L of one candidate against one reference. */
    public record Scores(Score rouge1, Score rouge2, Score rougeL) {
    }

    public static Scores score(String candidate, String reference) {
        List<String> c = Words.tokenize(candidate);
        List<String> r = Words.tokenize(reference);
        return new Scores(rougeN(c, r, 1), rougeN(c, r, 2), rougeL(c, r));
    }

    /** ROUGE-N over token lists: clipped n-gram overlap. */
    public static Score rougeN(List<String> candidate, List<String> reference, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        Map<List<String>, Integer> referenceCounts = ngrams(reference, n);
        Map<List<String>, Integer> candidateCounts = ngrams(candidate, n);
        int matches = 0;
        for (Map.Entry<List<String>, Integer> gram : candidateCounts.entrySet()) {
            matches += Math.min(gram.getValue(), referenceCounts.getOrDefault(gram.getKey(), 0));
        }
        return Score.of(matches, Math.max(0, candidate.size() - n + 1), Math.max(0, reference.size() - n + 1));
    }

    /** ROUGE-L over token lists: longest common subsequence of the two whole sequences. */
    public static Score rougeL(List<String> candidate, List<String> reference) {
        return Score.of(lcsLength(candidate, reference), candidate.size(), reference.size());
    }

    static int lcsLength(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }
}
