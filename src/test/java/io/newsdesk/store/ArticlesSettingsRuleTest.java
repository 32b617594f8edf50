package io.newsdesk.store;

import static io.newsdesk.platform.TestConfigs.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticlesSettingsRuleTest {

    @Test
    void theDefaultsAgree() {
        assertThat(new ArticlesSettingsRule(mapping(ArticlesConfig.class)).problems()).isEmpty();
    }

    @Test
    void aDefaultPageLargerThanTheLargestIsRefusedNamingBothKeys() {
        ArticlesConfig config = mapping(ArticlesConfig.class, "newsdesk.articles.default-page-size", "150");

        assertThat(new ArticlesSettingsRule(config).problems()).singleElement().asString()
                .contains("newsdesk.articles.default-page-size (150)", "newsdesk.articles.max-page-size (100)");
    }
}
