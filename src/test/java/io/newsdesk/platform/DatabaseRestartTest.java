package io.newsdesk.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.summary.LlmStubProfile;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.Texts;
import io.newsdesk.testing.OpenAiStub;
import io.newsdesk.testing.RestartablePostgres;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped and started again while POSTs are in flight (issue #6). The service runs on a PostgreSQL server
 * of the test's own ({@link RestartablePostgres}), in the embedded run and in the CI run against the system server
 * alike. While the database is down every answer is 503 problem+json with Retry-After and readiness is DOWN; once it
 * is back the same service instance stores articles again and completes their summaries; and the articles stored are
 * exactly those answered 201 or 202.
 */
@Tag("separate-jvm")
@QuarkusTest
@TestProfile(DatabaseRestartTest.OwnPostgres.class)
class DatabaseRestartTest {

    /** The LLM stub (no ONNX model in this JVM) with a short inline timeout and a fast queue. */
    public static class OwnPostgres extends LlmStubProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("newsdesk.summary.inline-timeout", "3s");
            overrides.put("newsdesk.summary.max-attempts", "20");
            return overrides;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartablePostgres.class), new TestResourceEntry(OpenAiStub.class));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 12;
    /** Each answer from the LLM takes this long, so that stored articles are waiting on it when the database goes. */
    private static final int LLM_DELAY_MILLIS = 1_500;
    private static final String SUMMARY = "Flooding closed the coastal road on Sunday after two days of heavy rain.";

    @Inject
    Database database;

    @TestHTTPResource("/api/articles")
    URI articles;

    /** One POST and its answer. */
    record Answer(String url, long sentNanos, long answeredNanos, int status, String contentType, String retryAfter,
            String body) {

        boolean accepted() {
            return status == 201 || status == 202;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndStoresExactlyTheAcceptedArticles() throws Exception {
        // The service must be on the test's server, not on a datasource from the environment: otherwise stopping
        // the server below would prove nothing.
        assertThat(database.count("SELECT inet_server_port()")).isEqualTo(RestartablePostgres.port());
        database.deleteAllArticles(); // articles of an earlier run would make this run's posts copies

        OpenAiStub.answer(OpenAiStub.summaryJson("en", SUMMARY), LLM_DELAY_MILLIS);
        String run = UUID.randomUUID().toString();
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    Answer answer = post(http, run);
                    answers.add(answer);
                    if (!answer.accepted()) {
                        Thread.sleep(100); // a client that backs off a little; Retry-After itself would be too slow
                    }
                }
                return null;
            });
        }
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> answers.stream().filter(Answer::accepted).count() >= CLIENTS);
            // Stop the server while stored articles wait on the LLM: their summaries cannot be recorded, yet they are
            // stored, so their answers must be 202, not 503.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> llmCallsReceivedWithin(Duration.ofMillis(500)) >= CLIENTS / 2);

            long stopping = System.nanoTime();
            RestartablePostgres.stopServer();
            long stopped = System.nanoTime();
            await().atMost(Duration.ofSeconds(15)).until(() -> answers.stream()
                    .filter(a -> a.sentNanos() > stopped && a.status() == 503).count() >= 3 * CLIENTS);
            given().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name.contains('Reactive PostgreSQL') }.status", equalTo("DOWN"));
            given().get("/api/articles").then().statusCode(503).contentType("application/problem+json");

            long starting = System.nanoTime();
            RestartablePostgres.startServer();
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> answers.stream()
                    .filter(a -> a.sentNanos() > started && a.accepted()).count() >= CLIENTS);
            // Readiness follows within a few checks (a stale idle JDBC connection fails one validation first).
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
            long ready = System.nanoTime();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).as("clients finished").isTrue();

            List<Answer> all = List.copyOf(answers);
            Map<Integer, Long> statuses = all.stream().collect(Collectors.groupingBy(Answer::status,
                    Collectors.counting()));
            System.out.printf("DatabaseRestartTest: %d POSTs, statuses %s; stop took %d ms, down for %d ms, "
                    + "start took %d ms, ready again %d ms after the start%n", all.size(), statuses,
                    (stopped - stopping) / 1_000_000, (started - stopping) / 1_000_000,
                    (started - starting) / 1_000_000, (ready - started) / 1_000_000);
            assertThat(statuses.keySet()).as("statuses").isSubsetOf(201, 202, 503);
            // Refused while the server was down for certain (after it stopped, before it was started again).
            assertThat(all.stream().filter(a -> a.sentNanos() > stopped && a.answeredNanos() < starting))
                    .isNotEmpty().allSatisfy(a -> assertThat(a.status()).isEqualTo(503));
            all.stream().filter(a -> a.status() == 503).forEach(DatabaseRestartTest::assertProblem);

            // The rows stored are exactly the accepted ones: each 201/202 has its row, no 503 left one behind.
            Map<String, Long> stored = new HashMap<>();
            for (Row row : database.rows("SELECT url, id FROM article WHERE url LIKE $1", urlPrefix(run) + "%")) {
                stored.put(row.getString("url"), row.getLong("id"));
            }
            Set<String> refusedButStored = all.stream().filter(a -> a.status() == 503).map(Answer::url)
                    .filter(stored::containsKey).collect(Collectors.toSet());
            assertThat(refusedButStored).as("articles answered 503 but stored").isEmpty();
            List<Answer> accepted = all.stream().filter(Answer::accepted).toList();
            for (Answer answer : accepted) {
                assertThat(stored.get(answer.url())).as("row of %s", answer.url())
                        .isEqualTo(answer.json().path("id").asLong());
            }
            assertThat(stored.size()).as("rows stored = 201/202 answers").isEqualTo(accepted.size());
            // The hard case was exercised: articles stored just before the server stopped, waiting on the LLM when
            // it went, whose summaries could then not be recorded; they were answered 202, not 503.
            assertThat(accepted).as("202 answers to POSTs sent before the server stopped")
                    .anyMatch(a -> a.status() == 202 && a.sentNanos() < stopping);

            // Those whose summary could not be recorded while the database was gone are completed by the queue.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(database.count(
                    "SELECT count(*) FROM article WHERE url LIKE $1 AND summary_status <> 'READY'",
                    urlPrefix(run) + "%")).isZero());
        } finally {
            stop.set(true);
            clients.shutdownNow();
            RestartablePostgres.startServer();
        }
    }

    private static long llmCallsReceivedWithin(Duration recent) {
        long since = System.currentTimeMillis() - recent.toMillis();
        return OpenAiStub.server().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getLoggedDate().getTime() > since).count();
    }

    private static void assertProblem(Answer answer) {
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.retryAfter()).as("Retry-After").isNotNull().containsOnlyDigits();
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("title").asText()).isEqualTo("Database unavailable");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/articles");
        assertThat(answer.body()).doesNotContain("Exception", "127.0.0.1", String.valueOf(RestartablePostgres.port()),
                "SQL", "refused", "postgres");
    }

    private final AtomicInteger posted = new AtomicInteger();

    private Answer post(HttpClient http, String run) {
        String marker = UUID.randomUUID().toString();
        String url = urlPrefix(run) + marker;
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("title", "Floods close coastal road " + marker,
                    "url", url, "language", "en", "body", distinctArticle(posted.getAndIncrement())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(articles).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(url, sent, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (Exception e) {
            // No answer at all (timeout, reset) is a failure of its own: status 0 fails the status check.
            return new Answer(url, sent, System.nanoTime(), 0, null, null, e.toString());
        }
    }

    private static String urlPrefix(String run) {
        return "https://restart.example.org/" + run + "/";
    }

    /**
     * The n-th article of the run: a text no other post copies (a copy would take its original's summary instead of
     * waiting on the LLM), then the flood report the stub's summary is grounded in.
     */
    private static String distinctArticle(int n) {
        return Texts.distinct(n % Texts.DISTINCT) + "\n\n" + floodArticle();
    }

    private static String floodArticle() {
        return """
                Flooding closed the main coastal road on Sunday after two days of heavy rain across the region.

                Emergency crews evacuated more than two hundred residents from low-lying streets near the harbour.

                The weather service said the rain would ease by Tuesday, but warned of further flooding upstream.""";
    }
}
