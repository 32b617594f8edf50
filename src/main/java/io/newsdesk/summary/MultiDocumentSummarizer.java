package io.newsdesk.summary;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsdesk.embedding.Vectors;
import io.newsdesk.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Offline summary of a whole story: {@link ExtractiveSummarizer}'s scoring and selection over the sentences of all
 * its articles, with centrality measured across the articles.
 *
 * <ol>
 *   <li>Each article gives its candidate sentences as for its own summary, but only whole ones (at least six words,
 *       ending with final punctuation: never a headline, menu line or caption, even when an article has nothing
 *       else), exact repeats dropped, its first {@value #SENTENCES_PER_ARTICLE} of them; the story's first
 *       {@value #MAX_ARTICLES} articles are read. All candidates are embedded in one batch.</li>
 *   <li>A sentence within cosine {@value #SAME_SENTENCE} of an earlier one (an earlier article, or earlier in the same
 *       one) is the same sentence: shared wire copy, a light edit. It is folded into the earliest one, which is the
 *       only one that can be picked and whose {@code sources} list every article that carries it.</li>
 *   <li>Score = the single-article score (centroid, lexical centrality, lead bias, reported speech; see
 *       {@link ExtractiveSummarizer}) with the centroid being the mean of the articles' centroids (each article weighs
 *       the same), plus {@value #SUPPORT_WEIGHT} times its support: the mean, over the other articles, of its highest
 *       cosine to a sentence of that article (min-max normalised). A fact several outlets report scores high; one
 *       outlet's colour does not.</li>
 *   <li>Selection by maximal marginal relevance within the story budget, with a stronger redundancy penalty
 *       ({@value #REDUNDANCY_PENALTY}) and a lower near-duplicate cosine ({@value #REDUNDANCY_THRESHOLD}) than within
 *       one article, then shown in the order of their earliest article and their place in it.</li>
 * </ol>
 */
final class MultiDocumentSummarizer {

    /** Articles read, the earliest first. */
    static final int MAX_ARTICLES = 20;
    /** Candidate sentences read per article: the lead carries the news, and each costs an embedding. */
    static final int SENTENCES_PER_ARTICLE = 25;
    /** Cosine at or above which two sentences are the same sentence. */
    static final double SAME_SENTENCE = 0.9;
    /** Weight of the cross-article support. */
    static final double SUPPORT_WEIGHT = 1.0;
    /**
     * Redundancy is stricter than within one article: outlets retell the same facts in other words, which the
     * single-article threshold lets through.
     */
    static final double REDUNDANCY_PENALTY = 0.5;
    static final double REDUNDANCY_THRESHOLD = 0.7;

    /** The tunable parameters; the constants above are the defaults. */
    record Tuning(double supportWeight, double redundancyPenalty, double redundancyThreshold) {

        static final Tuning DEFAULT = new Tuning(SUPPORT_WEIGHT, REDUNDANCY_PENALTY, REDUNDANCY_THRESHOLD);
    }

    private final ExtractiveSummarizer sentences;
    private final SummaryLimits limits;
    private final double supportWeight;
    private final SentenceSplitter splitter = new SentenceSplitter();

    MultiDocumentSummarizer(EmbeddingModel model, SummaryLimits limits) {
        this(model, limits, Tuning.DEFAULT);
    }

    MultiDocumentSummarizer(EmbeddingModel model, SummaryLimits limits, Tuning tuning) {
        this.sentences = new ExtractiveSummarizer(model, limits, ExtractiveSummarizer.Scoring.DEFAULT
                .withRedundancy(tuning.redundancyPenalty(), tuning.redundancyThreshold()));
        this.limits = limits;
        this.supportWeight = tuning.supportWeight();
    }

    /** The summary of these articles (earliest first); empty when they have no candidate sentence. */
    StorySummaryText summarize(List<StoryArticle> articles) {
        List<StoryArticle> read = articles.subList(0, Math.min(articles.size(), MAX_ARTICLES));
        List<String> texts = new ArrayList<>();
        List<Integer> articleOf = new ArrayList<>();
        List<Integer> positionOf = new ArrayList<>();
        for (int a = 0; a < read.size(); a++) {
            // Whole sentences only: an article with none (a headline, a caption) gives no fragment to the story.
            List<String> candidates = sentences.candidates(splitter.split(read.get(a).text())).stream()
                    .filter(s -> !ExtractiveSummarizer.isFragment(s)
                            && ExtractiveSummarizer.wordCount(s) >= ExtractiveSummarizer.MIN_WORDS)
                    .toList();
            for (int k = 0; k < Math.min(candidates.size(), SENTENCES_PER_ARTICLE); k++) {
                texts.add(candidates.get(k));
                articleOf.add(a);
                positionOf.add(k);
            }
        }
        if (texts.isEmpty()) {
            return new StorySummaryText(List.of());
        }
        float[][] vectors = sentences.embed(texts);
        double[][] similarity = ExtractiveSummarizer.similarities(vectors);
        int n = texts.size();

        // Fold each sentence into the earliest one it repeats; the earliest collects the articles.
        int[] sameAs = new int[n];
        List<TreeSet<Integer>> carriedBy = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sameAs[i] = i;
            for (int j = 0; j < i; j++) {
                if (sameAs[j] == j && similarity[i][j] >= SAME_SENTENCE) {
                    sameAs[i] = j;
                    break;
                }
            }
            carriedBy.add(new TreeSet<>());
            carriedBy.get(sameAs[i]).add(articleOf.get(i));
        }

        double[] scores = sentences.scores(texts, vectors, centroidOfArticles(vectors, articleOf, read.size()),
                positionOf.stream().mapToInt(Integer::intValue).toArray());
        double[] support = support(similarity, articleOf, read.size());
        ExtractiveSummarizer.minMaxNormalise(support);

        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (sameAs[i] == i) {
                kept.add(i);
            }
        }
        int m = kept.size();
        int[] words = new int[m];
        double[] keptScores = new double[m];
        double[][] keptSimilarity = new double[m][m];
        for (int x = 0; x < m; x++) {
            int i = kept.get(x);
            words[x] = ExtractiveSummarizer.wordCount(texts.get(i));
            keptScores[x] = scores[i] + supportWeight * support[i];
            for (int y = 0; y < m; y++) {
                keptSimilarity[x][y] = similarity[i][kept.get(y)];
            }
        }
        List<Integer> chosen = new ArrayList<>(sentences.maximalMarginalRelevance(words, keptScores, keptSimilarity,
                limits).stream().map(kept::get).toList());
        chosen.sort(Comparator.comparingInt((Integer i) -> articleOf.get(i)).thenComparingInt(positionOf::get));
        return new StorySummaryText(chosen.stream().map(i -> new StorySentence(texts.get(i),
                carriedBy.get(i).stream().map(a -> read.get(a).id()).toList())).toList());
    }

    /** The normalised mean of the articles' own centroids. */
    private static float[] centroidOfArticles(float[][] vectors, List<Integer> articleOf, int articles) {
        List<float[]> centroids = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            List<float[]> own = new ArrayList<>();
            for (int i = 0; i < vectors.length; i++) {
                if (articleOf.get(i) == a) {
                    own.add(vectors[i]);
                }
            }
            if (!own.isEmpty()) {
                centroids.add(Vectors.meanOfUnitVectors(own));
            }
        }
        return Vectors.meanOfUnitVectors(centroids);
    }

    /** For each sentence, the mean over the other articles of its highest cosine to one of their sentences. */
    private static double[] support(double[][] similarity, List<Integer> articleOf, int articles) {
        int n = similarity.length;
        double[] support = new double[n];
        if (articles < 2) {
            return support;
        }
        for (int i = 0; i < n; i++) {
            double[] best = new double[articles];
            Arrays.fill(best, 0);
            for (int j = 0; j < n; j++) {
                int b = articleOf.get(j);
                if (b != articleOf.get(i)) {
                    best[b] = Math.max(best[b], similarity[i][j]);
                }
            }
            double sum = 0;
            for (int b = 0; b < articles; b++) {
                sum += b == articleOf.get(i) ? 0 : best[b];
            }
            support[i] = sum / (articles - 1);
        }
        return support;
    }
}
