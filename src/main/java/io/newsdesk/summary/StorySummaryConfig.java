package io.newsdesk.summary;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * newsdesk.story-summary.*: the summary of a whole story. Its queue's polling, batch, lease and retry policy are the
 * article summary queue's (newsdesk.summary.*).
 */
@ConfigMapping(prefix = "newsdesk.story-summary")
public interface StorySummaryConfig {

    @Description("A story's summary is rewritten at most once per this interval: the first one as soon as a story has "
            + "two distinct articles (copies count once), later ones this long after the previous one at the earliest, "
            + "however many articles join meanwhile. Copies never cause one.")
    @WithDefault("1m")
    @DurationMin(millis = 0)
    Duration debounce();

    @Description("Sentences per story summary at most (the LLM is asked for 3 at least).")
    @WithDefault("5")
    @Min(1)
    int maxSentences();

    @Description("Words per story summary at most.")
    @WithDefault("120")
    @Min(1)
    int maxWords();

    default SummaryLimits limits() {
        return new SummaryLimits(maxSentences(), maxWords());
    }
}
