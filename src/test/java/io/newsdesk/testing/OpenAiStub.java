package io.newsdesk.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * An LLM server for tests: WireMock speaking the OpenAI chat-completions wire format, streamed as server-sent
 * events the way OpenAI, vLLM and Ollama answer {@code "stream": true}.
 */
public class OpenAiStub implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "test-model";
    public static final String API_KEY = "sk-test-0123456789abcdef";
    private static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        server = newServer(0);
        server.start();
        return Map.of(
                "newsdesk.llm.enabled", "true",
                "newsdesk.llm.base-url", server.baseUrl() + "/v1/",
                "newsdesk.llm.api-key", API_KEY,
                "newsdesk.llm.model", MODEL,
                "newsdesk.llm.provider", "openai");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    private static WireMockServer newServer(int fixedPort) {
        return new WireMockServer((fixedPort == 0 ? options().dynamicPort() : options().port(fixedPort))
                .containerThreads(300)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(50));
    }

    /** Takes the LLM off the network: calls get "connection refused" until {@link #up()}. */
    public static void down() {
        port = server.port();
        server.stop();
    }

    /** Brings the LLM back on the same port, with no stubs and an empty request journal. */
    public static void up() {
        server = newServer(port);
        server.start();
    }

    /** Every chat request answers with this assistant content, streamed, with a usage chunk. */
    public static void answer(String content) {
        answer(content, 0);
    }

    public static void answer(String content, int delayMillis) {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(stream(content).withFixedDelay(delayMillis)));
    }

    /** Chat requests whose body contains the marker answer with this content (before any general answer). */
    public static void answerWhen(String marker, String content) {
        server.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(WireMock.containing(marker)).atPriority(1)
                .willReturn(stream(content)));
    }

    /**
     * Chat requests whose body contains every marker answer with this content after {@code delayMillis}; of several
     * such rules that match, the one with the lowest {@code priority} (1 and up) answers.
     */
    public static void answerWhenAll(int priority, int delayMillis, String content, String... markers) {
        var request = post(urlPathEqualTo(PATH));
        for (String marker : markers) {
            request = request.withRequestBody(WireMock.containing(marker));
        }
        server.stubFor(request.atPriority(priority).willReturn(stream(content).withFixedDelay(delayMillis)));
    }

    /** Chat requests whose body contains the marker fail with this status (before any general answer). */
    public static void failWhen(String marker, int status) {
        server.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(WireMock.containing(marker)).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"stub failure\",\"type\":\"server_error\"}}")));
    }

    /**
     * The embeddings endpoint answers every input with the same unit vector of {@code dimensions} values, so any two
     * texts embedded through it have cosine 1.
     */
    public static void embedEverythingAlike(int dimensions) {
        for (int inputs = 1; inputs <= 8; inputs++) {
            ObjectNode answer = JSON.createObjectNode().put("object", "list").put("model", "test-embedding");
            var data = answer.putArray("data");
            for (int i = 0; i < inputs; i++) {
                var vector = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
                for (int d = 0; d < dimensions; d++) {
                    vector.add(d == 0 ? 1.0 : 0.0);
                }
            }
            answer.putObject("usage").put("prompt_tokens", 10).put("total_tokens", 10);
            // The stub for the most inputs present wins (lowest priority number).
            server.stubFor(post(urlPathEqualTo("/v1/embeddings"))
                    .withRequestBody(WireMock.matchingJsonPath("$.input[" + (inputs - 1) + "]"))
                    .atPriority(10 - inputs)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(answer.toString())));
        }
    }

    /** The requests the embeddings endpoint received, oldest first. */
    public static List<LoggedRequest> embeddingRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/embeddings")));
    }

    /** The JSON a well-behaved model returns for the summary prompt. */
    public static String summaryJson(String language, String... sentences) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("sentences").addAll(java.util.Arrays.stream(sentences).map(JSON.getNodeFactory()::textNode)
                .toList());
        answer.put("language", language);
        return answer.toString();
    }

    public static void failWith(int status, String body) {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** 429 with Retry-After for the first call, then the answer. */
    public static void rateLimitOnceThenAnswer(int retryAfterSeconds, String content) {
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("rate limit").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"))
                .willSetStateTo("allowed"));
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("rate limit").whenScenarioStateIs("allowed")
                .willReturn(stream(content)));
    }

    /** 429 with Retry-After for every call until the stubs change: a rate-limit storm. */
    public static void rateLimitAlways(int retryAfterSeconds) {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
    }

    /** Successive calls get these responses in turn, starting over after the last. */
    public static void respondInTurn(List<ResponseDefinitionBuilder> responses) {
        for (int i = 0; i < responses.size(); i++) {
            server.stubFor(post(urlPathEqualTo(PATH)).inScenario("in turn")
                    .whenScenarioStateIs(i == 0 ? "Started" : "turn " + i)
                    .willReturn(responses.get(i))
                    .willSetStateTo(i + 1 == responses.size() ? "Started" : "turn " + (i + 1)));
        }
    }

    /** A streamed chat answer with this assistant content, for {@link #respondInTurn}. */
    public static ResponseDefinitionBuilder streamed(String content) {
        return stream(content);
    }

    /** The chat requests whose body contains the marker, oldest first. */
    public static List<LoggedRequest> requestsContaining(String marker) {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(WireMock.containing(marker)));
    }

    public static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinitionBuilder stream(String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(streamedAnswer(content, MODEL));
    }

    /** The server-sent events of one streamed chat answer: content, stop, a usage chunk, [DONE]. */
    public static String streamedAnswer(String content, String model) {
        ObjectNode delta = JSON.createObjectNode();
        delta.put("role", "assistant").put("content", content);
        return chunk(choice(delta, null, model)) + chunk(choice(JSON.createObjectNode(), "stop", model))
                + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
                + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":321,\"completion_tokens\":45,"
                + "\"total_tokens\":366}}\n\n"
                + "data: [DONE]\n\n";
    }

    private static ObjectNode choice(ObjectNode delta, String finishReason, String model) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1).put("model", model);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0).set("delta", delta);
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    private static String chunk(ObjectNode chunk) {
        return "data: " + chunk + "\n\n";
    }
}
