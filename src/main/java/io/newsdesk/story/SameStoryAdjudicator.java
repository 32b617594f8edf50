package io.newsdesk.story;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.newsdesk.llm.InvalidLlmAnswerException;
import io.newsdesk.llm.LlmClient;
import io.newsdesk.llm.LlmConfig;
import io.newsdesk.llm.LlmJson;
import io.newsdesk.llm.StructuredQuestion;
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
    private static final JsonObjectSchema ANSWER = JsonObjectSchema.builder()
            .addBooleanProperty("sameStory")
            .addNumberProperty("confidence")
            .addStringProperty("reason")
            .required("sameStory", "confidence", "reason")
            .build();

    private final Instance<LlmClient> llm;
    private final LlmConfig llmConfig;
    private final boolean enabled;
    private final SameStoryPrompt prompt = new SameStoryPrompt();

    SameStoryAdjudicator(Instance<LlmClient> llm, LlmConfig llmConfig, DedupConfig config) {
        this.llm = llm;
        this.llmConfig = llmConfig;
        this.enabled = llmConfig.enabled() && config.llm().enabled();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Who answers, as stored with each answer, e.g. {@code openai:gpt-4o-mini}. */
    String model() {
        return llmConfig.label();
    }

    Uni<SameStoryAnswer> ask(PairToJudge pair) {
        return llm.get().ask(new StructuredQuestion(PURPOSE, prompt.system(), prompt.user(pair), ANSWER),
                answer -> validated(LlmJson.parse(answer, SameStoryAnswer.class)));
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
