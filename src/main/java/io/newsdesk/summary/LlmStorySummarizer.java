package io.newsdesk.summary;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.newsdesk.extract.LanguageDetector;
import io.newsdesk.llm.InvalidLlmAnswerException;
import io.newsdesk.llm.LlmClient;
import io.newsdesk.llm.LlmConfig;
import io.newsdesk.llm.LlmJson;
import io.newsdesk.llm.StructuredQuestion;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A story summary from the configured LLM: all the story's articles in one prompt, each delimited as data with its id
 * and source; the structured answer is checked by the single-article rules ({@link LlmAnswerValidator}: length, plain
 * text, no echo of the prompt, the articles' language, grounded in the articles), and each sentence must cite articles
 * of the story and be grounded in what those articles say.
 */
final class LlmStorySummarizer {

    static final String PURPOSE = "story-summary";
    private static final JsonObjectSchema ANSWER = JsonObjectSchema.builder()
            .addProperty("sentences", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                    .addStringProperty("text")
                    .addProperty("sources", JsonArraySchema.builder().items(new JsonIntegerSchema()).build())
                    .required("text", "sources")
                    .build()).build())
            .addStringProperty("language")
            .required("sentences", "language")
            .build();

    private final LlmClient client;
    private final LlmConfig config;
    private final SummaryLimits limits;
    private final StorySummaryPrompt prompt = new StorySummaryPrompt();
    private final LlmAnswerValidator validator;

    LlmStorySummarizer(LlmClient client, LlmConfig config, SummaryLimits limits, LanguageDetector languages) {
        this.client = client;
        this.config = config;
        this.limits = limits;
        this.validator = new LlmAnswerValidator(languages);
    }

    /** The summarizer label stored with the summary, e.g. {@code openai:gpt-4o-mini}. */
    String label() {
        return config.label();
    }

    /** The validated summary of these articles (earliest first), or a failure saying what went wrong. */
    Uni<StorySummaryText> summarize(List<StoryArticle> articles) {
        String language = language(articles);
        String system = prompt.system(limits, language);
        return client.ask(new StructuredQuestion(PURPOSE, system, prompt.user(articles), ANSWER),
                answer -> validated(answer, articles, language, system));
    }

    private StorySummaryText validated(String content, List<StoryArticle> articles, String language, String system) {
        LlmStorySummaryAnswer answer = LlmJson.parse(content, LlmStorySummaryAnswer.class);
        List<LlmStorySummaryAnswer.Sentence> answered = answer.sentences() == null ? List.of()
                : answer.sentences().stream().filter(Objects::nonNull).toList();
        SummaryRequest story = new SummaryRequest(
                articles.stream().map(StoryArticle::title).collect(Collectors.joining(" ")),
                articles.stream().map(StoryArticle::text).collect(Collectors.joining("\n\n")), language);
        validator.checked(answered.stream().map(LlmStorySummaryAnswer.Sentence::text).toList(), answer.language(),
                story, limits, system);
        Map<Long, StoryArticle> byId = articles.stream()
                .collect(Collectors.toMap(StoryArticle::id, Function.identity()));
        List<StorySentence> sentences = new ArrayList<>();
        for (LlmStorySummaryAnswer.Sentence sentence : answered) {
            if (sentence.text() == null || sentence.text().isBlank()) {
                continue;
            }
            List<Long> sources = sentence.sources() == null ? List.of()
                    : sentence.sources().stream().filter(byId::containsKey).distinct()
                            .sorted((a, b) -> compareByTime(byId.get(a), byId.get(b))).toList();
            if (sources.isEmpty()) {
                throw new InvalidLlmAnswerException("a sentence cites no article of the story: " + sentence.sources());
            }
            LlmAnswerValidator.checkGrounded(sentence.text(), sources.stream().map(byId::get)
                    .map(a -> a.title() + " " + a.text()).collect(Collectors.joining(" ")), "its sources");
            sentences.add(new StorySentence(sentence.text().strip(), sources));
        }
        return new StorySummaryText(sentences);
    }

    private static int compareByTime(StoryArticle a, StoryArticle b) {
        int byTime = a.publishedAt().compareTo(b.publishedAt());
        return byTime != 0 ? byTime : Long.compare(a.id(), b.id());
    }

    /** The language most of the articles are in; on a tie, the earliest article's. */
    static String language(Collection<StoryArticle> articles) {
        Map<String, Integer> counts = new HashMap<>();
        String chosen = null;
        for (StoryArticle article : articles) {
            int count = counts.merge(String.valueOf(article.language()), 1, Integer::sum);
            if (chosen == null || count > counts.get(chosen)) {
                chosen = String.valueOf(article.language());
            }
        }
        return chosen == null || chosen.equals("null") ? LanguageDetector.UNDETERMINED : chosen;
    }
}
