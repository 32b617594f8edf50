package io.newsdesk.feed;

import static io.newsdesk.platform.TestConfigs.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedSettingsRuleTest {

    @Test
    void theDefaultsAgree() {
        assertThat(new FeedSettingsRule(mapping(FeedConfig.class)).problems()).isEmpty();
    }

    @Test
    void aDefaultPageLargerThanTheLargestIsRefusedNamingBothKeys() {
        FeedConfig config = mapping(FeedConfig.class, "newsdesk.feed.max-page-size", "10");

        assertThat(new FeedSettingsRule(config).problems()).singleElement().asString()
                .contains("newsdesk.feed.default-page-size (20)", "newsdesk.feed.max-page-size (10)");
    }
}
