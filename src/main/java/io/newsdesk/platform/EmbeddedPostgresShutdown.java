package io.newsdesk.platform;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops the embedded server after the application, so that its data directory is closed cleanly. */
@ApplicationScoped
class EmbeddedPostgresShutdown {

    void onShutdown(@Observes ShutdownEvent event) {
        EmbeddedPostgres.stop();
    }
}
