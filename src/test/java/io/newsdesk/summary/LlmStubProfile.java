package io.newsdesk.summary;

import io.newsdesk.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service with an LLM configured (the WireMock stub), and short timeouts so that retries show in seconds. */
public class LlmStubProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "newsdesk.summary.inline-timeout", "5s",
                "newsdesk.summary.retry-backoff", "300ms",
                "newsdesk.summary.retry-backoff-max", "1s",
                "newsdesk.summary.max-attempts", "3",
                "newsdesk.summary.queue.poll-interval", "200ms",
                "newsdesk.summary.queue.lease", "10s",
                "newsdesk.llm.circuit-breaker.failure-threshold", "1000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiStub.class));
    }
}
