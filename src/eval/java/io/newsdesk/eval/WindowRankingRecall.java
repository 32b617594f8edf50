package io.newsdesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.embedding.EmbeddingCells;
import io.newsdesk.embedding.SimHash;
import io.newsdesk.embedding.Vectors;
import io.newsdesk.fingerprint.StoryEmbedder;
import io.newsdesk.testing.Jsonl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * How well the window scan's first stage (the Hamming distance of long SimHash codes, computed by PostgreSQL) keeps
 * the story embeddings the exact ranking would keep: for every article of the pool as the new one, the share of its
 * exact nearest {@code 50} (cosine at least 0.20, the candidate route's floor and cap) that are among the first N by
 * Hamming distance, for code lengths and N; and the same for the XSum briefs' own articles only (a true pair). The
 * pool is the BBC corpus, the XSum articles and their one-sentence reference briefs, story embeddings as the service
 * computes them (all-MiniLM-L6-v2, title and lead).
 *
 * <pre>
 * ./mvnw -q -Peval test-compile exec:java -Dexec.mainClass=io.newsdesk.eval.WindowRankingRecall \
 *        -Dexec.classpathScope=test -Dexec.args="../shared/eval/bbc.jsonl ../shared/eval/xsum.jsonl"
 * </pre>
 */
public final class WindowRankingRecall {

    private static final int KEPT = 50;
    private static final double FLOOR = 0.20;
    private static final int[] BITS = {64, 256, 512};
    private static final double[] SHARES = {0.04, 0.08, 0.12, 0.16};
    private static final int[] CELLS = {64, 128, 256};
    /** 16,000 of 600,000 (100,000 articles a day), of 350,000, and of 100,000. */
    private static final double[] DENSE_SHARES = {0.027, 0.046, 0.16};

    private WindowRankingRecall() {
    }

    public static void main(String[] args) throws Exception {
        String usage = "WindowRankingRecall bbc.jsonl xsum.jsonl";
        List<JsonNode> bbc = Jsonl.read(Corpora.fromArgument(args, 0, usage));
        List<JsonNode> xsum = Jsonl.read(Corpora.fromArgument(args, 1, usage));
        StoryEmbedder embedder = new StoryEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
        List<float[]> pool = new ArrayList<>();
        for (JsonNode article : bbc) {
            pool.add(embedder.embed(article.path("title").asText(), article.path("body").asText()));
        }
        // brief i and article i of XSum: the pair whose rank is reported on its own
        int firstXsum = pool.size();
        for (JsonNode article : xsum) {
            pool.add(embedder.embed(null, article.path("body").asText()));
        }
        int firstBrief = pool.size();
        for (JsonNode article : xsum) {
            pool.add(embedder.embed(null, article.path("reference").asText()));
        }
        int n = pool.size();
        System.out.printf(Locale.ROOT, "pool: %d story embeddings (%d BBC, %d XSum articles, %d XSum briefs)%n", n,
                bbc.size(), xsum.size(), xsum.size());
        System.out.println("| code bits | first N by Hamming (share of pool) | exact top-50 kept | brief's own article kept "
                + "(of those in its exact top-50) |");
        System.out.println("|---:|---|---:|---:|");
        for (int bits : BITS) {
            SimHash hash = new SimHash(pool.get(0).length, bits);
            long[][] codes = pool.stream().map(hash::of).toArray(long[][]::new);
            for (double share : SHARES) {
                int firstN = (int) Math.round(share * n);
                Tally tally = new Tally();
                for (int q = 0; q < n; q++) {
                    int[] hamming = new int[n];
                    for (int o = 0; o < n; o++) {
                        hamming[o] = o == q ? Integer.MAX_VALUE : SimHash.distance(codes[q], codes[o]);
                    }
                    boolean[] first = new boolean[n];
                    IntStream.range(0, n).boxed().sorted((a, b) -> Integer.compare(hamming[a], hamming[b]))
                            .limit(firstN).forEach(o -> first[o] = true);
                    tally.add(pool, q, first, q >= firstBrief ? firstXsum + (q - firstBrief) : -1);
                }
                System.out.printf(Locale.ROOT, "| %d | %d (%.2f) | %s |%n", bits, firstN, share, tally);
            }
        }
        denseWindows(pool, bbc.size(), firstXsum, firstBrief);
    }

    /**
     * A dense window, scaled down to the pool: the scan reads the cells nearest to the new article until it holds
     * {@code share} of the window, as it does when the window holds more than its row limit. Cells fitted on the BBC
     * part of the pool only ({@link EmbeddingCellsFit}), so the XSum pairs were never seen by the fit.
     */
    private static void denseWindows(List<float[]> pool, int bbcSize, int firstXsum, int firstBrief) {
        int n = pool.size();
        System.out.println();
        System.out.println("| cells (fitted on BBC) | share of the window read | exact top-50 read | XSum brief's own article"
                + " read (of those in its exact top-50) |");
        System.out.println("|---:|---:|---:|---:|");
        for (int k : CELLS) {
            EmbeddingCells cells = EmbeddingCells.of(
                    EmbeddingCellsFit.fit(pool.subList(0, bbcSize), k, new Random(42)).centroids());
            int[] cellOf = pool.stream().mapToInt(cells::of).toArray();
            for (double share : DENSE_SHARES) {
                int budget = (int) Math.round(share * n);
                Tally tally = new Tally();
                for (int q = 0; q < n; q++) {
                    final int query = q;
                    int[] order = cells.nearestFirst(pool.get(q));
                    int[] rankOfCell = new int[k + 1];
                    for (int r = 0; r < order.length; r++) {
                        rankOfCell[order[r]] = r;
                    }
                    // read whole cells, nearest first, until the budget is reached (the last cell in part)
                    boolean[] read = new boolean[n];
                    IntStream.range(0, n).filter(o -> o != query).boxed()
                            .sorted(Comparator.comparingInt(o -> rankOfCell[cellOf[o]])).limit(budget)
                            .forEach(o -> read[o] = true);
                    tally.add(pool, q, read, q >= firstBrief ? firstXsum + (q - firstBrief) : -1);
                }
                System.out.printf(Locale.ROOT, "| %d | %.3f (%d) | %s |%n", k, share, budget, tally);
            }
        }
    }

    /**
     * Over the queries: how much of each one's exact nearest {@value #KEPT} (cosine at least {@value #FLOOR}) a first
     * stage kept, and for an XSum brief whether it kept the brief's own article when that is among them.
     */
    private static final class Tally {
        private long kept;
        private long exact;
        private long pairsKept;
        private long pairs;

        /** {@code own}: the query's own article, or -1. */
        void add(List<float[]> pool, int query, boolean[] keptByStage, int own) {
            int n = pool.size();
            double[] cosine = new double[n];
            for (int o = 0; o < n; o++) {
                cosine[o] = o == query ? -2 : Vectors.dot(pool.get(query), pool.get(o));
            }
            int[] byCosine = IntStream.range(0, n).boxed()
                    .sorted((a, b) -> Double.compare(cosine[b], cosine[a])).mapToInt(Integer::intValue)
                    .filter(o -> cosine[o] >= FLOOR).limit(KEPT).toArray();
            for (int o : byCosine) {
                exact++;
                kept += keptByStage[o] ? 1 : 0;
            }
            if (own >= 0 && Arrays.stream(byCosine).anyMatch(o -> o == own)) {
                pairs++;
                pairsKept += keptByStage[own] ? 1 : 0;
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4f | %.4f (%d of %d)", (double) kept / exact,
                    (double) pairsKept / pairs, pairsKept, pairs);
        }
    }
}
