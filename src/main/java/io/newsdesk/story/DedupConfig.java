package io.newsdesk.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** newsdesk.dedup.*: how duplicates are found and judged. The defaults are {@link DedupThresholds#DEFAULTS}. */
@ConfigMapping(prefix = "newsdesk.dedup")
public interface DedupConfig {

    @WithDefault("0.70")
    double nearVerbatimContainment();

    @WithDefault("0.20")
    double nearVerbatimMinJaccard();

    @WithDefault("0.60")
    double nearVerbatimJaccard();

    /** SAME_STORY without asking an LLM: title + lead embeddings at least this similar (cosine). */
    @WithDefault("0.90")
    double sameStoryCosine();

    /** SAME_STORY only between articles published at most this far apart. Copies have no window. */
    @WithDefault("3d")
    Duration sameStoryWindow();

    /** Earlier articles judged per new article at most (the most similar first). */
    @WithDefault("50")
    int maxCandidates();

    Llm llm();

    /** The LLM's part, used only when newsdesk.llm.enabled is true. */
    interface Llm {

        /** Ask the LLM about pairs in the ambiguous band: cosine from {@link #minCosine()} up to the strict one. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("0.75")
        double minCosine();

        /** The LLM's "same story" counts only with at least this confidence. */
        @WithDefault("0.6")
        double minConfidence();

        /** Pairs asked about per new article at most (the most similar first). */
        @WithDefault("3")
        int maxPairs();
    }

    default DedupThresholds thresholds() {
        return new DedupThresholds(nearVerbatimContainment(), nearVerbatimMinJaccard(), nearVerbatimJaccard(),
                DedupThresholds.DEFAULTS.minShingles(), sameStoryCosine(), sameStoryWindow());
    }
}
