package io.newsdesk.llm;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Adjusts the REST client quarkus-langchain4j builds for the OpenAI protocol: a connection pool as large as the
 * configured concurrency (its own is fixed at 50), no keep-alive, and a filter that hands 429 Retry-After headers to
 * {@link LlmRateLimit}, since langchain4j's exceptions drop response headers.
 */
public class LlmClientSetup implements RestClientListener {

    private static final String OPENAI_CLIENT = "io.quarkiverse.langchain4j.openai.common.OpenAiRestApi";

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        if (!serviceInterface.getName().equals(OPENAI_CLIENT)) {
            return;
        }
        int connections = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(LlmConfig.class)
                .maxConnections();
        builder.property("io.quarkus.rest.client.connection-pool-size", connections);
        // The client closes a connection when a streamed answer ends; with keep-alive the pool could hand that
        // closing connection to the next call ("Connection was closed"), so each call takes a fresh one.
        builder.property("io.quarkus.rest.client.keep-alive-enabled", false);
        builder.register(new RetryAfterFilter());
    }

    static final class RetryAfterFilter implements ClientResponseFilter {

        @Override
        public void filter(ClientRequestContext request, ClientResponseContext response) {
            if (response.getStatus() != 429 || response.getHeaders() == null) {
                return;
            }
            String retryAfter = response.getHeaderString("Retry-After");
            if (retryAfter != null) {
                Arc.container().instance(LlmRateLimit.class).get().retryAfter(retryAfter);
            }
        }
    }
}
