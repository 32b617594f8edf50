package io.newsdesk.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** newsdesk.story.*: how a story is presented. */
@ConfigMapping(prefix = "newsdesk.story")
public interface StoryConfig {

    /** earliest, longest or most-sources. */
    @WithDefault("earliest")
    RepresentativeRule representative();

    /** How often articles left without a story (after a database failure) are looked for. */
    @WithDefault("15s")
    Duration sweepInterval();

    /** An article gets this long to be assigned by its own request before the sweeper takes it. */
    @WithDefault("60s")
    Duration sweepGrace();
}
