package io.newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** An external database needs both of its URLs: the reactive one for the service, the JDBC one for migrations. */
@ApplicationScoped
class DatasourceRule implements SettingsRule {

    private final Optional<String> reactiveUrl;
    private final Optional<String> jdbcUrl;

    DatasourceRule(@ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        this.reactiveUrl = reactiveUrl;
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public List<String> problems() {
        if (reactiveUrl.isPresent() == jdbcUrl.isPresent()) {
            return List.of();
        }
        return List.of("set both quarkus.datasource.reactive.url and quarkus.datasource.jdbc.url "
                + "(QUARKUS_DATASOURCE_REACTIVE_URL, QUARKUS_DATASOURCE_JDBC_URL; the JDBC one is used for schema "
                + "migrations), or neither for the embedded PostgreSQL");
    }
}
