package io.newsdesk.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.newsdesk.text.SentenceSplitter;
import io.newsdesk.testing.OpenAiStub;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slow LLM: WireMock speaking the OpenAI streaming chat-completions format (as {@code io.newsdesk.testing.OpenAiStub}),
 * answering every request after a fixed delay with a summary that passes the service's answer validation: the first
 * words of the article in the request, in the language the prompt asks for. Delays are served asynchronously (no
 * container thread waits), the request journal is off, so the stub itself never limits the benchmark.
 */
final class BenchStub implements AutoCloseable {

    static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    BenchStub(int delayMillis, int containerThreads) {
        server = new WireMockServer(options().dynamicPort()
                .containerThreads(containerThreads)
                .jettyAcceptQueueSize(4096)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(8)
                .disableRequestJournal()
                .gzipDisabled(true)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.valueOf(System.getProperty("bench.stub.chunked", "NEVER")))
                .notifier(new ConsoleNotifier(false))
                .extensions(new SummaryAnswer()));
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(delayMillis)));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * Builds each answer from its request: a grounded, short summary as JSON, the article's lead (see {@link #lead}).
     */
    static final class SummaryAnswer implements ResponseDefinitionTransformerV2 {

        private static final Pattern ARTICLE = Pattern.compile("<article>\\s*(.*?)\\s*</article>", Pattern.DOTALL);
        private static final Pattern LANGUAGE = Pattern.compile("\\(([a-z]{2,3})\\)\\.");
        private static final int SUMMARY_WORDS = 50;

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String system = "";
            String user = "";
            String model = "bench-model";
            try {
                JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
                model = request.path("model").asText(model);
                for (JsonNode message : request.path("messages")) {
                    String role = message.path("role").asText();
                    String content = message.path("content").isTextual() ? message.path("content").asText()
                            : message.path("content").path(0).path("text").asText();
                    if (role.equals("system")) {
                        system = content;
                    } else if (role.equals("user")) {
                        user = content;
                    }
                }
            } catch (Exception unreadable) {
                // answer with whatever we have; the service then rejects the answer and counts a 202
            }
            Matcher article = ARTICLE.matcher(user);
            String text = article.find() ? article.group(1) : user;
            Matcher language = LANGUAGE.matcher(system);
            String summary = summaryJson(language.find() ? language.group(1) : "en", lead(text));
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(OpenAiStub.streamedAnswer(summary, model))
                    .build();
        }

        /**
         * The first sentence (as the service splits them), with the second when the first is short, without
         * markdown characters, cut to {@value #SUMMARY_WORDS} words.
         */
        static String lead(String text) {
            List<String> sentences = new SentenceSplitter().split(text);
            String lead = sentences.isEmpty() ? text : sentences.get(0);
            if (sentences.size() > 1 && lead.split("\\s+").length < 15) {
                lead = lead + " " + sentences.get(1);
            }
            String[] words = lead.replaceAll("[*_#`]", " ").strip().split("\\s+");
            if (words.length <= SUMMARY_WORDS) {
                return String.join(" ", words);
            }
            return String.join(" ", java.util.Arrays.copyOf(words, SUMMARY_WORDS))
                    .replaceAll("[^\\p{L}\\p{N}]+$", "") + ".";
        }

        static String summaryJson(String language, String sentence) {
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("sentences").add(sentence);
            answer.put("language", language);
            return answer.toString();
        }

        @Override
        public String getName() {
            return "bench-summary-answer";
        }
    }
}
