package io.newsdesk.summary;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.newsdesk.extract.LanguageDetector;
import io.newsdesk.llm.LlmClient;
import io.newsdesk.llm.LlmConfig;
import io.newsdesk.llm.StructuredQuestion;
import io.newsdesk.store.Summary;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Summaries from the configured LLM, asked for as structured JSON and validated before they are stored. */
public class LlmSummarizer implements Summarizer {

    static final String PURPOSE = "summary";
    private static final JsonObjectSchema ANSWER = JsonObjectSchema.builder()
            .addProperty("sentences", JsonArraySchema.builder().items(new JsonStringSchema()).build())
            .addStringProperty("language")
            .required("sentences", "language")
            .build();

    private final LlmClient client;
    private final LlmConfig config;
    private final SummaryLimits limits;
    private final Clock clock;
    private final SummaryPrompt prompt = new SummaryPrompt();
    private final LlmAnswerValidator validator;

    public LlmSummarizer(LlmClient client, LlmConfig config, SummaryLimits limits, LanguageDetector languages,
            Clock clock) {
        this.client = client;
        this.config = config;
        this.limits = limits;
        this.clock = clock;
        this.validator = new LlmAnswerValidator(languages);
    }

    @Override
    public Uni<Summary> summarize(SummaryRequest request) {
        String system = prompt.system(limits, request.language());
        return client.ask(new StructuredQuestion(PURPOSE, system, prompt.user(request), ANSWER), answer -> new Summary(
                validator.validate(answer, request, limits, system), config.label(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }
}
