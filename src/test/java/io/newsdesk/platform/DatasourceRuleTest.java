package io.newsdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasourceRuleTest {

    private static final Optional<String> REACTIVE = Optional.of("postgresql://db:5432/newsdesk");
    private static final Optional<String> JDBC = Optional.of("jdbc:postgresql://db:5432/newsdesk");

    @Test
    void bothUrlsOrNeitherAgree() {
        assertThat(new DatasourceRule(REACTIVE, JDBC).problems()).isEmpty();
        assertThat(new DatasourceRule(Optional.empty(), Optional.empty()).problems()).isEmpty();
    }

    @Test
    void oneUrlWithoutTheOtherIsRefusedNamingBoth() {
        assertThat(new DatasourceRule(REACTIVE, Optional.empty()).problems()).singleElement().asString()
                .contains("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url");
        assertThat(new DatasourceRule(Optional.empty(), JDBC).problems()).hasSize(1);
    }
}
