package io.newsdesk.api;

import static io.newsdesk.platform.TestConfigs.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestSettingsRuleTest {

    @Test
    void theDefaultsAgree() {
        assertThat(new IngestSettingsRule(mapping(IngestConfig.class)).problems()).isEmpty();
    }

    @Test
    void aPageLimitAboveTheRequestLimitIsRefusedNamingBothKeys() {
        IngestConfig config = mapping(IngestConfig.class, "newsdesk.ingest.max-html-bytes", "20000000");

        assertThat(new IngestSettingsRule(config).problems()).singleElement().asString()
                .contains("newsdesk.ingest.max-html-bytes (20000000)", "newsdesk.ingest.max-body-bytes (12582912)");
    }
}
