package io.newsdesk.story;

import io.newsdesk.embedding.Vectors;
import io.newsdesk.fingerprint.Resemblance;
import io.newsdesk.fingerprint.TextFingerprint;
import io.newsdesk.store.DuplicateKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a new article duplicates one earlier candidate, and how. A pure function of the two articles, the
 * thresholds and the same-story model; thread-safe.
 *
 * <ol>
 *   <li>EXACT: equal hashes of the normalised text (and the text is not blank).</li>
 *   <li>NEAR_VERBATIM: on the actual shingle sets, the smaller text is mostly contained in the other
 *       (max containment at least {@code nearVerbatimContainment}, with Jaccard at least
 *       {@code nearVerbatimMinJaccard}), or the Jaccard resemblance alone is at least {@code nearVerbatimJaccard}.
 *       Containment catches a copy cut short; the Jaccard floor keeps a brief quoting one paragraph of a long
 *       article out.</li>
 *   <li>SAME_STORY: both have story embeddings, published no further apart than {@code sameStoryWindow}, and the {@link SameStoryModel}'s
 *       probability that both report one event (embedding cosine, shared and new names and figures) is at least its
 *       threshold, and they share a rare name or a figure. Otherwise, from its {@code askFrom} on, the pair is
 *       uncertain: one for an LLM.</li>
 * </ol>
 */
public final class DuplicateJudge {

    private final DedupThresholds thresholds;
    private final SameStoryModel model;

    /** The default thresholds and the shipped same-story model. */
    public DuplicateJudge() {
        this(DedupThresholds.DEFAULTS, SameStoryModel.load());
    }

    /** @param model the same-story model, or null to find copies only */
    public DuplicateJudge(DedupThresholds thresholds, SameStoryModel model) {
        this.thresholds = thresholds;
        this.model = model;
    }

    /** The default thresholds without SAME_STORY. */
    public static DuplicateJudge copiesOnly() {
        return new DuplicateJudge(DedupThresholds.DEFAULTS, null);
    }

    public DedupThresholds thresholds() {
        return thresholds;
    }

    /** The verdict on {@code article} against the earlier {@code candidate}, or empty when they are not related. */
    public Optional<Verdict> judge(DedupArticle article, DedupArticle candidate) {
        return judge(PairEvidence.of(article, candidate));
    }

    /** The verdict on a pair's evidence (the new article is side A of the resemblance). */
    public Optional<Verdict> judge(PairEvidence evidence) {
        Optional<Verdict> copy = copyVerdict(evidence.exactMatch(), evidence.resemblance());
        if (copy.isPresent()) {
            return copy;
        }
        double p = sameStoryProbability(evidence);
        return model != null && model.isSameStory(evidence.features(), p)
                ? Optional.of(new Verdict(DuplicateKind.SAME_STORY, p, "Same event: " + model.explain(
                        evidence.features(), p) + "."))
                : Optional.empty();
    }

    /** EXACT or NEAR_VERBATIM on the two texts' fingerprints alone, or empty (the new article is {@code article}). */
    public Optional<Verdict> copyVerdict(TextFingerprint article, TextFingerprint candidate) {
        return copyVerdict(article.isSameText(candidate), article.resemblance(candidate));
    }

    private Optional<Verdict> copyVerdict(boolean exactMatch, Resemblance r) {
        if (exactMatch) {
            return Optional.of(new Verdict(DuplicateKind.EXACT, 1.0,
                    "Normalised text hash equal: the same cleaned text."));
        }
        if (r.smallerSize() >= thresholds.minShingles()) {
            double containment = r.maxContainment();
            double jaccard = r.jaccard();
            if (jaccard >= thresholds.nearVerbatimJaccard()) {
                return Optional.of(new Verdict(DuplicateKind.NEAR_VERBATIM, jaccard, String.format(Locale.ROOT,
                        "MinHash/shingle Jaccard %.2f: same text re-published with light edits.", jaccard)));
            }
            if (containment >= thresholds.nearVerbatimContainment()
                    && jaccard >= thresholds.nearVerbatimMinJaccard()) {
                String which = r.containmentOfA() >= r.containmentOfB() ? "new text" : "earlier text";
                return Optional.of(new Verdict(DuplicateKind.NEAR_VERBATIM, containment, String.format(Locale.ROOT,
                        "MinHash/shingle containment %.2f (Jaccard %.2f): the %s is a cut-short or edited copy.",
                        containment, jaccard, which)));
            }
        }
        return Optional.empty();
    }

    /**
     * An upper bound of {@link #sameStoryProbability} from what is known before the names and figures are read: the
     * story embeddings, the lengths in words ({@link SameStoryFeatures#wordCount}) and the publication times. Lets
     * story assignment skip reading the names of a candidate that cannot change its decision.
     */
    public double maxSameStoryProbability(float[] embeddingA, float[] embeddingB, int wordsA, int wordsB,
            Instant publishedA, Instant publishedB) {
        if (model == null || embeddingA == null || embeddingB == null || publishedA == null || publishedB == null) {
            return 0;
        }
        Duration apart = Duration.between(publishedA, publishedB).abs();
        if (apart.compareTo(thresholds.sameStoryWindow()) > 0) {
            return 0;
        }
        return model.maxProbability(SameStoryFeatures.range(Vectors.cosine(embeddingA, embeddingB), wordsA, wordsB,
                apart));
    }

    /** The same-story model's threshold, or 1 without a model. */
    public double sameStoryThreshold() {
        return model == null ? 1 : model.threshold();
    }

    /** The lower edge of the band worth asking an LLM about, or 1 without a model. */
    public double askFrom() {
        return model == null ? 1 : model.askFrom();
    }

    /**
     * Whether only an LLM can decide the pair: no verdict, but a same-story probability from the model's
     * {@code askFrom} on.
     */
    public boolean isUncertain(PairEvidence evidence) {
        double p = sameStoryProbability(evidence);
        return model != null && p >= model.askFrom() && !model.isSameStory(evidence.features(), p);
    }

    /**
     * The model's probability that the pair reports one event; 0 without a model, outside the window, without both
     * story embeddings (embeddings off means copies only), or unless both texts are in a cased script: in Chinese or
     * Hindi no names are found, so nothing would tell two events apart but the (English) embedding.
     */
    public double sameStoryProbability(PairEvidence evidence) {
        Duration apart = evidence.apart();
        if (model == null || !evidence.casedScript() || Double.isNaN(evidence.cosine()) || apart == null
                || apart.compareTo(thresholds.sameStoryWindow()) > 0) {
            return 0;
        }
        return model.probability(evidence.features());
    }
}
