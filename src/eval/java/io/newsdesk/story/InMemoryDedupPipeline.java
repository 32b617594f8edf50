package io.newsdesk.story;

import io.newsdesk.fingerprint.LshBands;

import io.newsdesk.embedding.Vectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The candidate lookup of the service, in memory: articles arrive one at a time; each is compared with the earlier
 * articles that share its normalised-text hash, share an LSH band hash (the {@code (band_no, band_hash)} index),
 * or are among its {@code neighbours} nearest story embeddings published within the window. The pairs found are
 * kept so that different thresholds can be judged on the same candidates.
 */
final class InMemoryDedupPipeline {

    /** A candidate pair: {@code later} arrived after {@code earlier}; indexes into the arrival order. */
    record Candidate(int later, int earlier, boolean byBand, boolean byEmbedding, PairEvidence evidence) {
    }

    private final LshBands bands;
    private final int neighbours;
    private final double neighbourFloor;
    private final Duration window;

    private final List<DedupArticle> articles = new ArrayList<>();
    private final List<Map<Long, List<Integer>>> bandIndex = new ArrayList<>();
    private final Map<Long, List<Integer>> exactIndex = new HashMap<>();
    private final List<Candidate> candidates = new ArrayList<>();

    InMemoryDedupPipeline(LshBands bands, int neighbours, double neighbourFloor, Duration window) {
        this.bands = bands;
        this.neighbours = neighbours;
        this.neighbourFloor = neighbourFloor;
        this.window = window;
        for (int b = 0; b < bands.bands(); b++) {
            bandIndex.add(new HashMap<>());
        }
    }

    /** Adds the next article and records its candidates among the earlier ones. Returns its arrival index. */
    int add(DedupArticle article) {
        int index = articles.size();
        Set<Integer> byBand = new LinkedHashSet<>(exactIndex.getOrDefault(article.fingerprint().exactHash(),
                List.of()));
        long[] hashes = article.fingerprint().bandHashes();
        for (int b = 0; b < hashes.length; b++) {
            byBand.addAll(bandIndex.get(b).getOrDefault(hashes[b], List.of()));
        }
        Set<Integer> byEmbedding = nearest(article);
        Set<Integer> all = new LinkedHashSet<>(byBand);
        all.addAll(byEmbedding);
        for (int earlier : all) {
            candidates.add(new Candidate(index, earlier, byBand.contains(earlier), byEmbedding.contains(earlier),
                    PairEvidence.of(article, articles.get(earlier))));
        }
        articles.add(article);
        exactIndex.computeIfAbsent(article.fingerprint().exactHash(), k -> new ArrayList<>()).add(index);
        for (int b = 0; b < hashes.length; b++) {
            bandIndex.get(b).computeIfAbsent(hashes[b], k -> new ArrayList<>()).add(index);
        }
        return index;
    }

    private Set<Integer> nearest(DedupArticle article) {
        if (neighbours <= 0 || article.embedding() == null || article.publishedAt() == null) {
            return Set.of();
        }
        PriorityQueue<double[]> best = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        for (int i = 0; i < articles.size(); i++) {
            DedupArticle other = articles.get(i);
            if (other.embedding() == null || other.publishedAt() == null
                    || Duration.between(other.publishedAt(), article.publishedAt()).abs().compareTo(window) > 0) {
                continue;
            }
            double cosine = Vectors.cosine(article.embedding(), other.embedding());
            if (cosine >= neighbourFloor) {
                best.add(new double[] {cosine, i});
                if (best.size() > neighbours) {
                    best.poll();
                }
            }
        }
        Set<Integer> out = new HashSet<>();
        best.forEach(e -> out.add((int) e[1]));
        return out;
    }

    List<DedupArticle> articles() {
        return articles;
    }

    List<Candidate> candidates() {
        return candidates;
    }

    /** An edge of the story graph: the judge's verdict on a candidate pair. */
    record Edge(int later, int earlier, Verdict verdict) {
    }

    /** The judge's positive verdicts on all candidate pairs. */
    List<Edge> judge(DuplicateJudge judge) {
        List<Edge> edges = new ArrayList<>();
        for (Candidate c : candidates) {
            Optional<Verdict> v = judge.judge(c.evidence());
            v.ifPresent(verdict -> edges.add(new Edge(c.later(), c.earlier(), verdict)));
        }
        return edges;
    }

    /** Stories as connected components of the edges: arrival index to the story's first arrival index. */
    int[] unionStories(List<Edge> edges) {
        int[] parent = new int[articles.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Edge e : edges) {
            int a = root(parent, e.later());
            int b = root(parent, e.earlier());
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] story = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            story[i] = root(parent, i);
        }
        return story;
    }

    /**
     * Stories as the service would assign them on insert without ever merging two stories: each article joins the
     * story of the earlier article with its strongest verdict, or starts a new one.
     */
    int[] attachStories(List<Edge> edges) {
        Map<Integer, Edge> best = new HashMap<>();
        for (Edge e : edges) {
            Edge current = best.get(e.later());
            if (current == null || e.verdict().isStrongerThan(current.verdict())) {
                best.put(e.later(), e);
            }
        }
        int[] story = new int[articles.size()];
        for (int i = 0; i < story.length; i++) {
            Edge e = best.get(i);
            story[i] = e == null ? i : story[e.earlier()];
        }
        return story;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
