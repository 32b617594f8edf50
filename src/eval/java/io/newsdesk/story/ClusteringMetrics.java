package io.newsdesk.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a clustering (item id to predicted cluster) against gold groups (item id to gold cluster) over the same
 * items.
 *
 * <ul>
 *   <li>Pairwise: precision = pairs together in both / pairs together in the prediction; recall = pairs together
 *       in both / pairs together in the gold groups. With no pair on a side the ratio is taken as 1.</li>
 *   <li>B-cubed (Bagga and Baldwin 1998): per item e, precision |C(e) ∩ G(e)| / |C(e)| and recall
 *       |C(e) ∩ G(e)| / |G(e)| with C(e), G(e) the predicted and gold cluster of e; averaged over items.</li>
 * </ul>
 * Either can be restricted to a focus set: pairs with at least one item in it, or the items in it.
 */
public final class ClusteringMetrics {

    /** Precision, recall and their harmonic mean. */
    public record Scores(double precision, double recall) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    /** Pairwise counts and scores. */
    public record Pairwise(long predictedPairs, long goldPairs, long truePairs) {
        public Scores scores() {
            return new Scores(predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs,
                    goldPairs == 0 ? 1 : (double) truePairs / goldPairs);
        }
    }

    private final Map<String, String> predicted;
    private final Map<String, String> gold;
    private final Map<String, List<String>> predictedClusters;
    private final Map<String, List<String>> goldClusters;

    public ClusteringMetrics(Map<String, String> predicted, Map<String, String> gold) {
        if (!predicted.keySet().equals(gold.keySet())) {
            throw new IllegalArgumentException("prediction and gold must cover the same items");
        }
        this.predicted = Map.copyOf(predicted);
        this.gold = Map.copyOf(gold);
        this.predictedClusters = clusters(predicted);
        this.goldClusters = clusters(gold);
    }

    private static Map<String, List<String>> clusters(Map<String, String> assignment) {
        Map<String, List<String>> out = new HashMap<>();
        assignment.forEach((item, cluster) -> out.computeIfAbsent(cluster, k -> new ArrayList<>()).add(item));
        return out;
    }

    /** Pairwise counts over all pairs. */
    public Pairwise pairwise() {
        long predictedPairs = 0;
        long goldPairs = 0;
        long truePairs = 0;
        for (List<String> c : predictedClusters.values()) {
            predictedPairs += pairs(c.size());
            Map<String, Integer> byGold = new HashMap<>();
            c.forEach(item -> byGold.merge(gold.get(item), 1, Integer::sum));
            for (int n : byGold.values()) {
                truePairs += pairs(n);
            }
        }
        for (List<String> g : goldClusters.values()) {
            goldPairs += pairs(g.size());
        }
        return new Pairwise(predictedPairs, goldPairs, truePairs);
    }

    /** Pairwise counts over the pairs with at least one item in {@code focus}. */
    public Pairwise pairwise(Set<String> focus) {
        long predictedPairs = 0;
        long goldPairs = 0;
        long truePairs = 0;
        for (String x : focus) {
            for (String y : predictedClusters.get(predicted.get(x))) {
                if (counts(x, y, focus)) {
                    predictedPairs++;
                    if (gold.get(x).equals(gold.get(y))) {
                        truePairs++;
                    }
                }
            }
            for (String y : goldClusters.get(gold.get(x))) {
                if (counts(x, y, focus)) {
                    goldPairs++;
                }
            }
        }
        return new Pairwise(predictedPairs, goldPairs, truePairs);
    }

    /** Each unordered pair once: from x when y is outside the focus, else from the smaller id. */
    private static boolean counts(String x, String y, Set<String> focus) {
        return !x.equals(y) && (!focus.contains(y) || x.compareTo(y) < 0);
    }

    /** B-cubed over all items. */
    public Scores bcubed() {
        return bcubed(predicted.keySet());
    }

    /** B-cubed averaged over the items of {@code focus}. */
    public Scores bcubed(Set<String> focus) {
        if (focus.isEmpty()) {
            return new Scores(1, 1);
        }
        double precision = 0;
        double recall = 0;
        for (String e : focus) {
            List<String> c = predictedClusters.get(predicted.get(e));
            String g = gold.get(e);
            long both = c.stream().filter(item -> gold.get(item).equals(g)).count();
            precision += (double) both / c.size();
            recall += (double) both / goldClusters.get(g).size();
        }
        return new Scores(precision / focus.size(), recall / focus.size());
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }
}
