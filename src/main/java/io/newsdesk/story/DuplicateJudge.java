package io.newsdesk.story;

import io.newsdesk.fingerprint.Resemblance;
import io.newsdesk.store.DuplicateKind;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a new article duplicates one earlier candidate, and how. A pure function of the two articles and
 * the thresholds; thread-safe.
 *
 * <ol>
 *   <li>EXACT: equal hashes of the normalised text (and the text is not blank).</li>
 *   <li>NEAR_VERBATIM: on the actual shingle sets, the smaller text is mostly contained in the other
 *       (max containment at least {@code nearVerbatimContainment}, with Jaccard at least
 *       {@code nearVerbatimMinJaccard}), or the Jaccard resemblance alone is at least {@code nearVerbatimJaccard}.
 *       Containment catches a copy cut short; the Jaccard floor keeps a brief quoting one paragraph of a long
 *       article out.</li>
 *   <li>SAME_STORY: both have story embeddings and publication times no further apart than
 *       {@code sameStoryWindow}, and the cosine is at least {@code sameStoryCosine}. Without an LLM to read both,
 *       this strict threshold alone decides.</li>
 * </ol>
 */
public final class DuplicateJudge {

    private final DedupThresholds thresholds;

    public DuplicateJudge() {
        this(DedupThresholds.DEFAULTS);
    }

    public DuplicateJudge(DedupThresholds thresholds) {
        this.thresholds = thresholds;
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
        if (evidence.exactMatch()) {
            return Optional.of(new Verdict(DuplicateKind.EXACT, 1.0,
                    "Normalised text hash equal: the same cleaned text."));
        }
        Resemblance r = evidence.resemblance();
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
        return sameStory(evidence);
    }

    private Optional<Verdict> sameStory(PairEvidence evidence) {
        Duration apart = evidence.apart();
        if (Double.isNaN(evidence.cosine()) || apart == null || apart.compareTo(thresholds.sameStoryWindow()) > 0) {
            return Optional.empty();
        }
        double cosine = Math.max(0, Math.min(1, evidence.cosine()));
        if (cosine >= thresholds.sameStoryCosine()) {
            return Optional.of(new Verdict(DuplicateKind.SAME_STORY, cosine, String.format(Locale.ROOT,
                    "Embedding cosine %.2f within %d h: a different text about the same event.", cosine,
                    apart.toHours())));
        }
        return Optional.empty();
    }
}
