package io.newsdesk.summary;

import io.newsdesk.store.Summary;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.newsdesk.extract.LanguageDetector;
import io.newsdesk.llm.InvalidLlmAnswerException;
import io.newsdesk.llm.LlmClient;
import io.newsdesk.llm.LlmConfig;
import io.newsdesk.llm.LlmMetrics;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Summaries from the configured LLM, asked for as structured JSON and validated before they are stored. */
public class LlmSummarizer implements Summarizer {

    static final String PURPOSE = "summary";
    private static final ResponseFormat JSON_SCHEMA = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder()
                    .name("summary")
                    .rootElement(JsonObjectSchema.builder()
                            .addProperty("sentences", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                            .addStringProperty("language")
                            .required("sentences", "language")
                            .build())
                    .build())
            .build();

    private final LlmClient client;
    private final LlmConfig config;
    private final SummaryLimits limits;
    private final LlmMetrics metrics;
    private final Clock clock;
    private final SummaryPrompt prompt = new SummaryPrompt();
    private final LlmAnswerValidator validator;

    public LlmSummarizer(LlmClient client, LlmConfig config, SummaryLimits limits, LanguageDetector languages,
            LlmMetrics metrics, Clock clock) {
        this.client = client;
        this.config = config;
        this.limits = limits;
        this.metrics = metrics;
        this.clock = clock;
        this.validator = new LlmAnswerValidator(languages);
    }

    @Override
    public Uni<Summary> summarize(SummaryRequest request) {
        String system = prompt.system(limits, request.language());
        ChatRequest.Builder chat = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(prompt.user(request)));
        if (config.jsonSchema()) {
            chat.responseFormat(JSON_SCHEMA);
        }
        return client.chat(chat.build(), PURPOSE).map(response -> {
            try {
                String text = validator.validate(response.aiMessage().text(), request, limits, system);
                return new Summary(text, config.label(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            } catch (InvalidLlmAnswerException e) {
                metrics.invalidAnswer(PURPOSE);
                throw e;
            }
        });
    }
}
