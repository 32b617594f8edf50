package io.newsdesk.feed;

import io.newsdesk.platform.SettingsRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class FeedSettingsRule implements SettingsRule {

    private final FeedConfig config;

    FeedSettingsRule(FeedConfig config) {
        this.config = config;
    }

    @Override
    public List<String> problems() {
        return SettingsRule.notAbove("newsdesk.feed.default-page-size", config.defaultPageSize(),
                "newsdesk.feed.max-page-size", config.maxPageSize());
    }
}
