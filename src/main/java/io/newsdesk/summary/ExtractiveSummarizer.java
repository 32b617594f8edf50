package io.newsdesk.summary;

import io.newsdesk.text.SentenceSplitter;
import io.newsdesk.text.TextBeginning;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsdesk.embedding.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Unsupervised extractive summarizer for news articles: picks central sentences, with a lead bias, without
 * repeating itself.
 *
 * <ol>
 *   <li>Split the text into sentences ({@link SentenceSplitter}). Exact repeats are dropped. Sentences of fewer
 *       than {@value #MIN_WORDS} words (datelines, "Read more") and fragments that do not end with final
 *       punctuation (headlines, menu lines, captions left in the text) are not candidates, unless nothing else
 *       is left. Candidate k is the k-th remaining sentence (0-based).</li>
 *   <li>Embed every candidate in one {@link EmbeddingModel#embedAll} batch and L2-normalise the vectors. The
 *       document vector is the normalised mean of the sentence vectors (the centroid).</li>
 *   <li>Score each candidate; the two centralities are min-max normalised within the article so that the weights
 *       mean the same for short and long articles:
 *       <pre>
 *   score = CENTROID_WEIGHT * cos(sentence, centroid)            semantic centrality
 *         + LEXICAL_WEIGHT  * mean document probability of its content words   (SumBasic)
 *         + POSITION_WEIGHT * (1 + max(0, k - LEAD_SENTENCES + 1))^-POSITION_DECAY   lead bias: 1, 1, 1/2, 1/3 ...
 *         - REPORTED_SPEECH_PENALTY if it opens with a quote mark or has a first/second person pronoun
 *       </pre>
 *       News puts the essentials in the first sentences; quoted speech is colour rather than the facts.</li>
 *   <li>Select greedily by maximal marginal relevance: the best-scoring sentence first, then repeatedly the one
 *       maximising {@code score - REDUNDANCY_PENALTY * (max cosine to the chosen ones)}, never one whose cosine to
 *       a chosen sentence exceeds {@link #REDUNDANCY_THRESHOLD} (a near duplicate) nor one that would take the
 *       summary past the word budget; stop at the sentence limit or when nothing fits.</li>
 *   <li>If the best sentence alone is longer than the word budget, the summary is that sentence cut to the budget
 *       and ended with "…".</li>
 *   <li>The chosen sentences are returned in document order.</li>
 * </ol>
 * The weights were tuned on CNN/DailyMail test articles (mean ROUGE-1 F1 against the highlights), with MiniLM
 * sentence embeddings, and checked on BBC News and XSum; see {@code SummaryEvaluation} in the tests. Articles are
 * summarised on {@link io.newsdesk.embedding.LexicalEmbeddingModel lexical vectors}, which score as well there.
 * The lexical and speech features assume English.
 * Thread-safe if the embedding model is.
 */
public final class ExtractiveSummarizer {

    /** Sentences shorter than this (in words) are not candidates. */
    public static final int MIN_WORDS = 6;
    /** The sentences an article's summary is chosen from are among its first this many. */
    static final int MAX_CANDIDATE_SENTENCES = 300;

    /** Weight of the (min-max normalised) cosine between a sentence and the document centroid. */
    public static final double CENTROID_WEIGHT = 0.25;
    /** Weight of the (min-max normalised) lexical centrality, see {@link LexicalCentrality}. */
    public static final double LEXICAL_WEIGHT = 0.5;
    /** Weight of the lead-bias position prior. */
    public static final double POSITION_WEIGHT = 1.5;
    /** The first this many candidates get the full position prior (the lede and the sentence after it). */
    public static final int LEAD_SENTENCES = 2;
    /** The prior then decays as {@code (1 + k - LEAD_SENTENCES + 1)^-POSITION_DECAY} for the k-th candidate. */
    public static final double POSITION_DECAY = 1.0;
    /** Taken off sentences that look like quoted speech: opening quote mark, first or second person pronoun. */
    public static final double REPORTED_SPEECH_PENALTY = 0.4;
    /** MMR penalty on the highest cosine between a candidate and the sentences already chosen. */
    public static final double REDUNDANCY_PENALTY = 0.1;
    /** A candidate with a cosine above this to a chosen sentence is a near duplicate and never chosen. */
    public static final double REDUNDANCY_THRESHOLD = 0.8;

    private static final String ELLIPSIS = "…";
    private static final Pattern FIRST_OR_SECOND_PERSON =
            Pattern.compile("\\b(?:I|[Ww]e|[Mm]y|me|[Oo]ur|us|[Yy]ou|[Yy]our)\\b");
    private static final String OPENING_QUOTES = "\"'“‘«„";
    private static final String FINAL_CHARACTERS = ".!?…\"'”’»)";

    /** The tunable parameters; the public constants are the defaults. */
    record Scoring(int minWords, double centroidWeight, double lexicalWeight, double positionWeight,
            int leadSentences, double positionDecay, double reportedSpeechPenalty, double redundancyPenalty,
            double redundancyThreshold) {

        static final Scoring DEFAULT = new Scoring(MIN_WORDS, CENTROID_WEIGHT, LEXICAL_WEIGHT, POSITION_WEIGHT,
                LEAD_SENTENCES, POSITION_DECAY, REPORTED_SPEECH_PENALTY, REDUNDANCY_PENALTY, REDUNDANCY_THRESHOLD);

        Scoring withMinWords(int value) {
            return new Scoring(value, centroidWeight, lexicalWeight, positionWeight, leadSentences, positionDecay,
                    reportedSpeechPenalty, redundancyPenalty, redundancyThreshold);
        }

        Scoring withRedundancy(double penalty, double threshold) {
            return new Scoring(minWords, centroidWeight, lexicalWeight, positionWeight, leadSentences, positionDecay,
                    reportedSpeechPenalty, penalty, threshold);
        }
    }

    private final EmbeddingModel model;
    private final SummaryLimits limits;
    private final Scoring scoring;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public ExtractiveSummarizer(EmbeddingModel model, SummaryLimits limits) {
        this(model, limits, Scoring.DEFAULT);
    }

    /** With {@link SummaryLimits#DEFAULT}. */
    public ExtractiveSummarizer(EmbeddingModel model) {
        this(model, SummaryLimits.DEFAULT);
    }

    ExtractiveSummarizer(EmbeddingModel model, SummaryLimits limits, Scoring scoring) {
        this.model = Objects.requireNonNull(model, "model");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
    }

    public SummaryLimits limits() {
        return limits;
    }

    /** Summarizes cleaned article text (paragraphs separated by blank lines). Empty for blank text. */
    public ExtractiveSummary summarize(String text) {
        return summarizeSentences(splitter.split(text == null ? "" : text));
    }

    /** Summarizes an already split article. */
    public ExtractiveSummary summarizeSentences(List<String> sentences) {
        List<String> candidates = candidates(sentences);
        if (candidates.isEmpty()) {
            return new ExtractiveSummary(List.of());
        }
        float[][] vectors = embed(candidates);
        double[][] similarity = similarities(vectors);
        int[] positions = java.util.stream.IntStream.range(0, candidates.size()).toArray();
        double[] scores = scores(candidates, vectors, Vectors.meanOfUnitVectors(Arrays.asList(vectors)), positions);
        return select(candidates, scores, similarity);
    }

    /**
     * Whole sentences of at least minWords words; failing that, long enough fragments; failing that, anything. Only
     * the first {@value #MAX_CANDIDATE_SENTENCES} sentences are considered: the lead carries the news, and the
     * embeddings and the pairwise similarities grow with their number (a 10 MiB page can hold 40,000 sentences).
     */
    List<String> candidates(List<String> sentences) {
        List<String> distinct = sentences.stream().limit(MAX_CANDIDATE_SENTENCES).distinct().toList();
        List<String> longEnough = distinct.stream().filter(s -> wordCount(s) >= scoring.minWords()).toList();
        List<String> whole = longEnough.stream().filter(s -> !isFragment(s)).toList();
        return !whole.isEmpty() ? whole : !longEnough.isEmpty() ? longEnough : distinct;
    }

    /**
     * One {@link EmbeddingModel#embedAll} batch of the sentences' {@link TextBeginning#forEmbedding beginnings},
     * L2-normalised.
     */
    float[][] embed(List<String> sentences) {
        List<TextSegment> segments = sentences.stream().map(TextBeginning::forEmbedding).map(TextSegment::from)
                .toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        if (embeddings.size() != sentences.size()) {
            throw new IllegalStateException("expected " + sentences.size() + " embeddings, got " + embeddings.size());
        }
        float[][] vectors = new float[sentences.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = Vectors.unit(embeddings.get(i).vector());
        }
        return vectors;
    }

    /**
     * The score of each sentence (see the class comment) against {@code centroid}; {@code positions[i]} is sentence
     * i's place among the candidates of its own article, for the lead bias.
     */
    double[] scores(List<String> sentences, float[][] vectors, float[] centroid, int[] positions) {
        int n = vectors.length;
        double[] centroidCentrality = new double[n];
        for (int i = 0; i < n; i++) {
            centroidCentrality[i] = Vectors.dot(vectors[i], centroid);
        }
        double[] lexicalCentrality = LexicalCentrality.scores(sentences);
        minMaxNormalise(centroidCentrality);
        minMaxNormalise(lexicalCentrality);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double position = Math.pow(1 + Math.max(0, positions[i] - scoring.leadSentences() + 1),
                    -scoring.positionDecay());
            scores[i] = scoring.centroidWeight() * centroidCentrality[i]
                    + scoring.lexicalWeight() * lexicalCentrality[i]
                    + scoring.positionWeight() * position
                    - (isReportedSpeech(sentences.get(i)) ? scoring.reportedSpeechPenalty() : 0);
        }
        return scores;
    }

    static boolean isFragment(String sentence) {
        return sentence.isEmpty() || FINAL_CHARACTERS.indexOf(sentence.charAt(sentence.length() - 1)) < 0;
    }

    static boolean isReportedSpeech(String sentence) {
        return !sentence.isEmpty() && OPENING_QUOTES.indexOf(sentence.charAt(0)) >= 0
                || FIRST_OR_SECOND_PERSON.matcher(sentence).find();
    }

    private ExtractiveSummary select(List<String> candidates, double[] scores, double[][] similarity) {
        int[] words = candidates.stream().mapToInt(ExtractiveSummarizer::wordCount).toArray();
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            best = scores[i] > scores[best] ? i : best;
        }
        if (words[best] > limits.maxWords()) {
            return new ExtractiveSummary(List.of(truncate(candidates.get(best), limits.maxWords())));
        }
        return new ExtractiveSummary(maximalMarginalRelevance(words, scores, similarity, limits).stream().sorted()
                .map(candidates::get).toList());
    }

    /**
     * Greedy selection by maximal marginal relevance, in the order chosen: repeatedly the sentence maximising
     * {@code score - REDUNDANCY_PENALTY * (max cosine to the chosen ones)} among those that fit the word budget and are
     * no near duplicate of a chosen one, until the sentence limit or nothing fits.
     */
    List<Integer> maximalMarginalRelevance(int[] words, double[] scores, double[][] similarity,
            SummaryLimits budget) {
        int n = scores.length;
        Integer[] byScore = new Integer[n];
        for (int i = 0; i < n; i++) {
            byScore[i] = i;
        }
        Arrays.sort(byScore, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        List<Integer> chosen = new ArrayList<>();
        int used = 0;
        while (chosen.size() < budget.maxSentences()) {
            int next = -1;
            double nextValue = Double.NEGATIVE_INFINITY;
            for (int i : byScore) {
                if (chosen.contains(i) || used + words[i] > budget.maxWords()) {
                    continue;
                }
                double redundancy = 0;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, similarity[i][j]);
                }
                if (redundancy > scoring.redundancyThreshold()) {
                    continue;
                }
                double value = scores[i] - scoring.redundancyPenalty() * redundancy;
                if (value > nextValue) {
                    next = i;
                    nextValue = value;
                }
            }
            if (next < 0) {
                break;
            }
            chosen.add(next);
            used += words[next];
        }
        return chosen;
    }

    static double[][] similarities(float[][] vectors) {
        int n = vectors.length;
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            similarity[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                similarity[i][j] = similarity[j][i] = Vectors.dot(vectors[i], vectors[j]);
            }
        }
        return similarity;
    }

    static void minMaxNormalise(double[] values) {
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(0);
        for (int i = 0; i < values.length; i++) {
            values[i] = max > min ? (values[i] - min) / (max - min) : 0;
        }
    }

    static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    static String truncate(String sentence, int maxWords) {
        String[] words = sentence.strip().split("\\s+");
        if (words.length <= maxWords) {
            return sentence.strip();
        }
        return String.join(" ", Arrays.asList(words).subList(0, maxWords)) + ELLIPSIS;
    }
}
