package io.newsdesk.store;

import io.newsdesk.platform.SettingsRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class ArticlesSettingsRule implements SettingsRule {

    private final ArticlesConfig config;

    ArticlesSettingsRule(ArticlesConfig config) {
        this.config = config;
    }

    @Override
    public List<String> problems() {
        return SettingsRule.notAbove("newsdesk.articles.default-page-size", config.defaultPageSize(),
                "newsdesk.articles.max-page-size", config.maxPageSize());
    }
}
