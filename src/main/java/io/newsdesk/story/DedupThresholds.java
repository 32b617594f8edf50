package io.newsdesk.story;

import java.time.Duration;

/**
 * The decision thresholds of {@link DuplicateJudge}. The defaults were tuned with {@code DedupEvaluation} (test
 * sources) on the BBC development set: generated copies (chrome, retitled, cut to 40-80%, edited, typos, all at
 * once) and natural re-publications, against the follow-up articles of the same corpus that share background
 * paragraphs but report a different event.
 *
 * <ul>
 *   <li>Containment 0.70: the hardest different-story pair (a follow-up a week later re-using background
 *       paragraphs) has 0.68; copies that were cut, edited and given typos at once go down to about 0.73 (a few to
 *       0.6, when the cleaner keeps a teaser block). 0.60-0.65 merged such follow-ups, 0.80 lost 1-2% of copies.</li>
 *   <li>Jaccard alone 0.60 (that follow-up: 0.47); min Jaccard 0.20 with containment (a 40% prefix has 0.4; a
 *       brief quoting one paragraph of a long article has far less).</li>
 * </ul>
 *
 * @param nearVerbatimContainment   NEAR_VERBATIM when the smaller text's shingles are at least this share of the
 *                                  other's (max of both containments) ...
 * @param nearVerbatimMinJaccard    ... and the Jaccard resemblance is at least this (the smaller text is not just a
 *                                  quoted paragraph of the larger one; a 40% prefix has J = 0.4) ...
 * @param nearVerbatimJaccard       ... or, regardless of containment, the Jaccard resemblance is at least this
 * @param minShingles               texts with fewer shingles than this are judged by EXACT and embeddings only
 * @param sameStoryWindow           SAME_STORY (decided by {@link SameStoryModel}) only between articles published at
 *                                  most this far apart (copies have no window: a re-publication is a duplicate
 *                                  whenever it appears)
 */
public record DedupThresholds(
        double nearVerbatimContainment,
        double nearVerbatimMinJaccard,
        double nearVerbatimJaccard,
        int minShingles,
        Duration sameStoryWindow) {

    public static final DedupThresholds DEFAULTS = new DedupThresholds(0.70, 0.20, 0.60, 8, Duration.ofDays(3));

    public DedupThresholds {
        if (sameStoryWindow == null || sameStoryWindow.isNegative()) {
            throw new IllegalArgumentException("sameStoryWindow must be a non-negative duration");
        }
        if (minShingles < 1) {
            throw new IllegalArgumentException("minShingles must be positive");
        }
    }

    public DedupThresholds withNearVerbatim(double containment, double minJaccard, double jaccard) {
        return new DedupThresholds(containment, minJaccard, jaccard, minShingles, sameStoryWindow);
    }
}
