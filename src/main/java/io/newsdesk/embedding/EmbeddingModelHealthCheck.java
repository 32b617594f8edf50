package io.newsdesk.embedding;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the in-process model's load in readiness. Ready does not wait for it (a request that needs the model
 * waits for it instead), so it is UP while loading; DOWN only if the load failed, since then no article can be
 * ingested.
 */
@UnlessBuildProperty(name = "quarkus.native.enabled", stringValue = "true", enableIfMissing = true)
@Readiness
@ApplicationScoped
class EmbeddingModelHealthCheck implements AsyncHealthCheck {

    private final InProcessEmbeddings embeddings;

    EmbeddingModelHealthCheck(InProcessEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    // Reads two fields: answered on the event loop, no worker thread needed.
    @Override
    public Uni<HealthCheckResponse> call() {
        BackgroundLoad.State state = embeddings.state();
        var response = HealthCheckResponse.named("In-process embedding model")
                .status(state != BackgroundLoad.State.FAILED)
                .withData("state", state.name().toLowerCase(java.util.Locale.ROOT));
        if (state == BackgroundLoad.State.LOADED) {
            response.withData("loadMillis", embeddings.loadMillis());
        } else if (state == BackgroundLoad.State.FAILED) {
            response.withData("error", embeddings.failure());
        }
        return Uni.createFrom().item(response.build());
    }
}
