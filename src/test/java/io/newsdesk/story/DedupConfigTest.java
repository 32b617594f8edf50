package io.newsdesk.story;

import static io.newsdesk.platform.TestConfigs.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupConfigTest {

    /** The evaluations (DedupEvaluation, DuplicateJudgeTest) use DedupThresholds.DEFAULTS: the service must too. */
    @Test
    void theServiceDefaultsAreTheTunedThresholds() {
        assertThat(mapping(DedupConfig.class).thresholds()).isEqualTo(DedupThresholds.DEFAULTS);
    }
}
