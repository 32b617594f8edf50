package io.newsdesk.story;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.newsdesk.llm.InvalidLlmAnswerException;
import io.newsdesk.llm.LlmClient;
import io.newsdesk.llm.LlmConfig;
import io.newsdesk.llm.LlmJson;
import io.newsdesk.llm.LlmMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Locale;

/**
 * Asks the configured LLM whether two articles in the ambiguous embedding band report the same event, as a
 * structured answer ({@code sameStory}, {@code confidence}, {@code reason}) that is validated before use.
 */
@ApplicationScoped
public class SameStoryAdjudicator {

    static final String PURPOSE = "same-story";
    static final int MAX_REASON_CHARS = 300;
    private static final ResponseFormat JSON_SCHEMA = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder()
                    .name("same_story")
                    .rootElement(JsonObjectSchema.builder()
                            .addBooleanProperty("sameStory")
                            .addNumberProperty("confidence")
                            .addStringProperty("reason")
                            .required("sameStory", "confidence", "reason")
                            .build())
                    .build())
            .build();

    private final Instance<LlmClient> llm;
    private final LlmConfig llmConfig;
    private final boolean enabled;
    private final LlmMetrics metrics;
    private final SameStoryPrompt prompt = new SameStoryPrompt();

    SameStoryAdjudicator(Instance<LlmClient> llm, LlmConfig llmConfig, DedupConfig config, LlmMetrics metrics) {
        this.llm = llm;
        this.llmConfig = llmConfig;
        this.enabled = llmConfig.enabled() && config.llm().enabled();
        this.metrics = metrics;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Who answers, as stored with each answer, e.g. {@code openai:gpt-4o-mini}. */
    String model() {
        return llmConfig.label();
    }

    Uni<SameStoryAnswer> ask(PairToJudge pair) {
        ChatRequest.Builder chat = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user(pair)));
        if (llmConfig.jsonSchema()) {
            chat.responseFormat(JSON_SCHEMA);
        }
        return llm.get().chat(chat.build(), PURPOSE).map(response -> {
            try {
                return validated(LlmJson.parse(response.aiMessage().text(), SameStoryAnswer.class));
            } catch (InvalidLlmAnswerException e) {
                metrics.invalidAnswer(PURPOSE);
                throw e;
            }
        });
    }

    static SameStoryAnswer validated(SameStoryAnswer answer) {
        if (answer.sameStory() == null || answer.confidence() == null || answer.reason() == null) {
            throw new InvalidLlmAnswerException("sameStory, confidence and reason are required");
        }
        if (!(answer.confidence() >= 0 && answer.confidence() <= 1)) {
            throw new InvalidLlmAnswerException("confidence outside 0..1: " + answer.confidence());
        }
        String reason = answer.reason().strip().replaceAll("\\s+", " ");
        if (reason.isEmpty() || reason.length() > MAX_REASON_CHARS) {
            throw new InvalidLlmAnswerException("reason empty or longer than " + MAX_REASON_CHARS + " characters");
        }
        if (reason.toLowerCase(Locale.ROOT).contains("<article")) {
            throw new InvalidLlmAnswerException("the reason repeats the prompt");
        }
        return new SameStoryAnswer(answer.sameStory(), answer.confidence(), reason);
    }
}
