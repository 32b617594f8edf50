package io.newsdesk.story;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** newsdesk.story.*: how a story is presented, and the sweeper that assigns articles left without a story. */
@ConfigMapping(prefix = "newsdesk.story")
public interface StoryConfig {

    @Description("Which article stands for a story.")
    @WithDefault("earliest")
    RepresentativeRule representative();

    @Description("How often articles left without a story (after a database failure, a crash) are looked for.")
    @WithDefault("15s")
    @DurationMin(millis = 1)
    Duration sweepInterval();

    @Description("An article gets this long to be assigned by its own request before the sweeper takes it.")
    @WithDefault("60s")
    @DurationMin(millis = 0)
    Duration sweepGrace();
}
