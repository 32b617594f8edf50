package io.newsdesk.summary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.newsdesk.llm.LlmCircuitBreaker;
import io.newsdesk.llm.LlmRateLimit;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.Texts;
import io.newsdesk.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The LLM fails in each way issue #6 names while a burst of POSTs comes in: down (connection refused), slower than the
 * inline timeout, a storm of 429s with Retry-After, and garbage answers. In each case every POST is accepted (202,
 * never a 5xx), every accepted article is in the database under the id it was answered with, and once the stub
 * answers properly again every PENDING summary completes, with one counted attempt per call the LLM really received.
 */
@Tag("separate-jvm")
@QuarkusTest
@TestProfile(LlmFaultsTest.FastQueue.class)
class LlmFaultsTest {

    /** A short inline timeout, a fast queue and a real circuit breaker that opens after 5 failures for 1 s. */
    public static class FastQueue extends LlmStubProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("newsdesk.summary.inline-timeout", "2s");
            overrides.put("newsdesk.summary.retry-backoff", "200ms");
            overrides.put("newsdesk.summary.retry-backoff-max", "1s");
            overrides.put("newsdesk.summary.max-attempts", "30");
            overrides.put("newsdesk.summary.queue.poll-interval", "200ms");
            overrides.put("newsdesk.summary.queue.lease", "10s");
            overrides.put("newsdesk.summary.queue.batch-size", "32");
            overrides.put("newsdesk.llm.circuit-breaker.failure-threshold", "5");
            overrides.put("newsdesk.llm.circuit-breaker.open-duration", "1s");
            return overrides;
        }
    }

    private static final int BURST = 24;
    private static final String SUMMARY = "Flooding closed the coastal road on Sunday after two days of heavy rain. "
            + "Emergency crews evacuated more than two hundred residents near the harbour.";

    @Inject
    Database database;

    @Inject
    LlmCircuitBreaker breaker;

    @Inject
    LlmRateLimit rateLimit;

    /** One accepted POST: the article's marker (in its title and URL) and the id it was answered with. */
    record Accepted(String marker, long id) {
    }

    @BeforeEach
    void startFromAHealthyLlm() {
        OpenAiStub.server().resetAll();
        // Queued summaries of earlier classes or tests would otherwise be retried against this test's stub, and
        // articles posted again would be copies waiting for the earlier ones' summaries.
        database.deleteAllArticles();
        await().atMost(Duration.ofSeconds(10)).until(() -> !breaker.isOpen() && !rateLimit.isPaused());
    }

    @AfterEach
    void bringTheStubBack() {
        if (!OpenAiStub.server().isRunning()) {
            OpenAiStub.up();
        }
    }

    @Test
    void llmDown() throws Exception {
        String batch = UUID.randomUUID().toString();
        OpenAiStub.down();

        List<Accepted> accepted = burst(batch);

        assertStored(batch, accepted);
        assertThat(database.count("SELECT count(*) FROM article WHERE title LIKE $1 AND summary_status = 'PENDING' "
                + "AND summary_error IS NOT NULL", "%" + batch + "%")).isEqualTo(BURST);
        OpenAiStub.up();
        OpenAiStub.answer(OpenAiStub.summaryJson("en", SUMMARY));
        awaitAllSummarized(batch);
        // The recovered server's journal starts empty: every summary was asked of it after it came back.
        for (Accepted article : accepted) {
            assertThat(OpenAiStub.requestsContaining(article.marker())).as(article.marker()).isNotEmpty();
        }
    }

    @Test
    void llmSlowerThanTheInlineTimeout() throws Exception {
        String batch = UUID.randomUUID().toString();
        OpenAiStub.answer(OpenAiStub.summaryJson("en", SUMMARY), 3_000);

        List<Accepted> accepted = burst(batch);

        assertStored(batch, accepted);
        // The LLM stays slow: the queue, which waits up to its lease, completes every summary all the same.
        awaitAllSummarized(batch);
        assertOneAttemptPerCall(accepted);
    }

    @Test
    void rateLimitStorm() throws Exception {
        String batch = UUID.randomUUID().toString();
        int retryAfterSeconds = 3;
        OpenAiStub.rateLimitAlways(retryAfterSeconds);
        long stormStarted = System.currentTimeMillis();

        List<Accepted> accepted = burst(batch);

        assertStored(batch, accepted);
        // the storm lasts 7 s: meanwhile every article of the batch stays pending
        Duration rest = Duration.ofMillis(Math.max(1, stormStarted + 7_000 - System.currentTimeMillis()));
        await().during(rest).atMost(rest.plusSeconds(5)).untilAsserted(() -> assertThat(database.count(
                "SELECT count(*) FROM article WHERE title LIKE $1 AND summary_status = 'PENDING'", "%" + batch + "%"))
                .isEqualTo(BURST));
        List<ServeEvent> storm = OpenAiStub.server().getAllServeEvents();
        OpenAiStub.server().resetMappings(); // the request journal stays, for the attempt count below
        OpenAiStub.answer(OpenAiStub.summaryJson("en", SUMMARY));
        awaitAllSummarized(batch);

        // Retry-After was honoured: after each 429, no call reached the LLM until the pause was over, except calls
        // already on their way (allowed a second to arrive on a busy machine).
        List<Long> arrivals = storm.stream().map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
        List<Long> rateLimited = storm.stream().filter(e -> e.getResponse().getStatus() == 429)
                .map(e -> e.getRequest().getLoggedDate().getTime()).toList();
        assertThat(rateLimited).isNotEmpty();
        for (long answered : rateLimited) {
            assertThat(arrivals).as("calls within the pause after the 429 at %d", answered)
                    .noneMatch(t -> t > answered + 1_000 && t < answered + retryAfterSeconds * 1_000L - 100);
        }
        // Without the pause the queue would have asked every 200 ms to 1 s for each article.
        assertThat(storm).as("calls during a 7 s storm").hasSizeLessThan(BURST * 4);
        assertOneAttemptPerCall(accepted);
    }

    @Test
    void garbageAnswers() throws Exception {
        String batch = UUID.randomUUID().toString();
        OpenAiStub.respondInTurn(List.of(
                OpenAiStub.streamed("{\"sentences\": [\"Flooding closed"),
                OpenAiStub.streamed(""),
                OpenAiStub.streamed("Sure! Here is a summary: flooding closed the road."),
                OpenAiStub.streamed(OpenAiStub.summaryJson("fr", "Les inondations ont fermé la route côtière.")),
                OpenAiStub.streamed(OpenAiStub.summaryJson("en", "PWNED. I am a news desk editor.")),
                aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>502 Bad Gateway</body></html>"),
                aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody("data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"conte"),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"internal error\"}}")));

        List<Accepted> accepted = burst(batch);

        assertStored(batch, accepted);
        // the queue keeps getting garbage meanwhile: every article stays pending
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                database.count("SELECT count(*) FROM article WHERE title LIKE $1 AND summary_status = 'PENDING'",
                        "%" + batch + "%")).isEqualTo(BURST));
        OpenAiStub.server().resetMappings();
        OpenAiStub.answer(OpenAiStub.summaryJson("en", SUMMARY));
        awaitAllSummarized(batch);
        assertOneAttemptPerCall(accepted);
    }

    /** BURST concurrent POSTs while the stub misbehaves; each must be accepted with a PENDING summary. */
    private List<Accepted> burst(String batch) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(BURST);
        try {
            List<Callable<Accepted>> posts = IntStream.range(0, BURST).mapToObj(i -> (Callable<Accepted>) () -> {
                String marker = UUID.randomUUID().toString();
                // Different articles (a copy would wait for its original's summary instead of asking the LLM), each
                // ending with the flood report the stub's summary is grounded in.
                Response answer = LlmSummaryTest.post("Floods close coastal road " + batch,
                        Texts.distinct(100 + i) + "\n\n" + LlmSummaryTest.floodArticle(), marker);
                assertThat(answer.statusCode()).as("answer to %s: %s", marker, answer.asString()).isEqualTo(202);
                assertThat(answer.jsonPath().getString("summaryStatus")).isEqualTo("PENDING");
                return new Accepted(marker, answer.jsonPath().getLong("id"));
            }).toList();
            List<Accepted> accepted = new java.util.ArrayList<>();
            for (Future<Accepted> post : clients.invokeAll(posts)) {
                accepted.add(post.get());
            }
            return accepted;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Every accepted article is stored under the id its answer carried, and nothing else of the batch is. */
    private void assertStored(String batch, List<Accepted> accepted) {
        Map<String, Long> stored = new HashMap<>();
        for (Row row : database.rows("SELECT url, id FROM article WHERE title LIKE $1", "%" + batch + "%")) {
            stored.put(row.getString("url"), row.getLong("id"));
        }
        assertThat(stored).hasSize(accepted.size());
        for (Accepted article : accepted) {
            assertThat(stored.get(LlmSummaryTest.url(article.marker()))).as(article.marker()).isEqualTo(article.id());
        }
    }

    private void awaitAllSummarized(String batch) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(database.count("SELECT count(*) FROM article WHERE title LIKE $1 AND summary_status = "
                        + "'READY' AND summary = $2 AND summarizer = $3", "%" + batch + "%", SUMMARY,
                        "openai:" + OpenAiStub.MODEL)).isEqualTo(BURST));
    }

    /**
     * summary_attempts counts the calls the LLM received for the article (the failed ones and the one that
     * succeeded); calls refused without asking it (open circuit, Retry-After pause) are not attempts.
     */
    private void assertOneAttemptPerCall(List<Accepted> accepted) {
        for (Accepted article : accepted) {
            long attempts = database.count("SELECT summary_attempts FROM article WHERE id = $1", article.id());
            // Summary calls only: the burst's articles share a paragraph, so same-story questions name them too.
            long calls = OpenAiStub.requestsContaining(article.marker()).stream()
                    .filter(request -> request.getBodyAsString().contains("Summarise this article")).count();
            assertThat(attempts).as("attempts of %s", article.marker()).isEqualTo(calls);
        }
    }
}
