package io.newsdesk.story;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
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

    @Description("Besides copies and articles sharing telling names, the articles within the window whose story "
            + "embeddings (title + lead) are at least this similar (cosine) are judged.")
    @WithDefault("0.20")
    @DecimalMin("0")
    @DecimalMax("1")
    double candidateCosine();

    @Description("SAME_STORY without asking an LLM when the same-story model's probability is at least this; unset: "
            + "the threshold fitted with the model (same-story-model.properties, precision >= 0.99 on its development "
            + "set). Lower joins more retellings and more different events.")
    Optional<@DecimalMin("0") @DecimalMax("1") Double> sameStoryProbability();

    @Description("SAME_STORY only between articles published at most this far apart. Copies have no window.")
    @WithDefault("3d")
    @DurationMin(millis = 0)
    Duration sameStoryWindow();

    @Description("Earlier articles judged per new article at most (the most similar first).")
    @WithDefault("50")
    @Min(1)
    int maxCandidates();

    @Description("Heap, in MiB, kept for what comparing with the most recently compared articles needs (their "
            + "shingles, names and figures): an article is a candidate of many others while it is in their window. "
            + "0 computes everything from the text at every comparison.")
    @WithDefault("32")
    @Min(0)
    int comparisonCacheMb();

    Llm llm();

    /** The LLM's part, used only when newsdesk.llm.enabled is true. */
    interface Llm {

        @Description("With newsdesk.llm.enabled: ask the LLM about the pairs the same-story model is uncertain of "
                + "(answers cached per pair).")
        @WithDefault("true")
        boolean enabled();

        @Description("With an LLM, pairs whose same-story probability is from this up to same-story-probability are "
                + "asked about; unset: the band fitted with the model (same-story-model.properties).")
        Optional<@DecimalMin("0") @DecimalMax("1") Double> askFromProbability();

        @Description("With an LLM, the same-story model's own SAME_STORY calls (not copies) are asked about too, within "
                + "max-pairs: the model joins articles of one saga that report different events (an earlier round, "
                + "a follow-up) about as confidently as retellings. The LLM's \"different\" keeps them apart; when it "
                + "cannot answer, the model's call stands.")
        @WithDefault("true")
        boolean confirmModelSame();

        @Description("The LLM's \"same story\" counts only with at least this confidence.")
        @WithDefault("0.6")
        @DecimalMin("0")
        @DecimalMax("1")
        double minConfidence();

        @Description("Pairs asked about per new article at most: the most probable first, one per story.")
        @WithDefault("3")
        @Min(1)
        int maxPairs();
    }

    /** The shipped same-story model with the configured threshold and LLM band, where set. */
    default SameStoryModel sameStoryModel() {
        SameStoryModel shipped = SameStoryModel.load();
        double threshold = sameStoryProbability().orElse(shipped.threshold());
        return shipped.withBand(llm().askFromProbability().orElse(Math.min(shipped.askFrom(), threshold)), threshold);
    }

    default DedupThresholds thresholds() {
        return new DedupThresholds(nearVerbatimContainment(), nearVerbatimMinJaccard(), nearVerbatimJaccard(),
                DedupThresholds.DEFAULTS.minShingles(), sameStoryWindow());
    }
}
