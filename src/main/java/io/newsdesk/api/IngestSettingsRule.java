package io.newsdesk.api;

import io.newsdesk.platform.SettingsRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
class IngestSettingsRule implements SettingsRule {

    private final IngestConfig config;

    IngestSettingsRule(IngestConfig config) {
        this.config = config;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>(SettingsRule.notAbove("newsdesk.ingest.max-html-bytes",
                config.maxHtmlBytes(), "newsdesk.ingest.max-body-bytes", config.maxBodyBytes()));
        problems.addAll(SettingsRule.notAbove("newsdesk.ingest.max-text-bytes", config.maxTextBytes(),
                "newsdesk.ingest.max-body-bytes", config.maxBodyBytes()));
        return problems;
    }
}
