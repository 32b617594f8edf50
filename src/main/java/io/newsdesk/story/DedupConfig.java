package io.newsdesk.story;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * newsdesk.dedup.*: how duplicates are found and judged. The defaults equal {@link DedupThresholds#DEFAULTS}, where
 * their tuning is explained.
 */
@ConfigMapping(prefix = "newsdesk.dedup")
public interface DedupConfig {

    @Description("NEAR_VERBATIM when the smaller text's shingles are at least this share of the other's, with "
            + "near-verbatim-min-jaccard.")
    @WithDefault("0.70")
    @DecimalMin("0")
    @DecimalMax("1")
    double nearVerbatimContainment();

    @Description("The Jaccard resemblance near-verbatim-containment needs besides (a quoted paragraph is no copy).")
    @WithDefault("0.20")
    @DecimalMin("0")
    @DecimalMax("1")
    double nearVerbatimMinJaccard();

    @Description("NEAR_VERBATIM when the Jaccard resemblance is at least this, regardless of containment.")
    @WithDefault("0.60")
    @DecimalMin("0")
    @DecimalMax("1")
    double nearVerbatimJaccard();

    @Description("SAME_STORY without asking an LLM: title + lead embeddings at least this similar (cosine).")
    @WithDefault("0.90")
    @DecimalMin("0")
    @DecimalMax("1")
    double sameStoryCosine();

    @Description("SAME_STORY only between articles published at most this far apart. Copies have no window.")
    @WithDefault("3d")
    @DurationMin(millis = 0)
    Duration sameStoryWindow();

    @Description("Earlier articles judged per new article at most (the most similar first).")
    @WithDefault("50")
    @Min(1)
    int maxCandidates();

    Llm llm();

    /** The LLM's part, used only when newsdesk.llm.enabled is true. */
    interface Llm {

        @Description("With newsdesk.llm.enabled: ask the LLM about pairs whose cosine is from min-cosine up to "
                + "same-story-cosine (answers cached per pair).")
        @WithDefault("true")
        boolean enabled();

        @Description("Lower end of the cosine band the LLM is asked about.")
        @WithDefault("0.75")
        @DecimalMin("0")
        @DecimalMax("1")
        double minCosine();

        @Description("The LLM's \"same story\" counts only with at least this confidence.")
        @WithDefault("0.6")
        @DecimalMin("0")
        @DecimalMax("1")
        double minConfidence();

        @Description("Pairs asked about per new article at most (the most similar first).")
        @WithDefault("3")
        @Min(1)
        int maxPairs();
    }

    default DedupThresholds thresholds() {
        return new DedupThresholds(nearVerbatimContainment(), nearVerbatimMinJaccard(), nearVerbatimJaccard(),
                DedupThresholds.DEFAULTS.minShingles(), sameStoryCosine(), sameStoryWindow());
    }
}
