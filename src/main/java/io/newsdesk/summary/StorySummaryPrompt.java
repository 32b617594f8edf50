package io.newsdesk.summary;

import io.newsdesk.llm.PromptTemplate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The story summary prompt, from {@code prompts/story-summary-system.txt} and {@code prompts/story-summary-user.txt}.
 * Each article goes inside its own {@code <article id=".." source="..">} delimiters, its text cut to its first
 * {@value #WORDS_PER_ARTICLE} words; any such tag inside untrusted text is defused first
 * ({@link SummaryPrompt#defuse}).
 */
final class StorySummaryPrompt {

    /** Words of each article sent: the lead carries the facts, and the prompt stays within a small model's window. */
    static final int WORDS_PER_ARTICLE = 400;
    static final int MIN_SENTENCES = 3;

    private final PromptTemplate system = PromptTemplate.load("prompts/story-summary-system.txt");
    private final PromptTemplate user = PromptTemplate.load("prompts/story-summary-user.txt");

    String system(SummaryLimits limits, String language) {
        return system.render(Map.of(
                "minSentences", String.valueOf(Math.min(MIN_SENTENCES, limits.maxSentences())),
                "maxSentences", String.valueOf(limits.maxSentences()),
                "maxWords", String.valueOf(limits.maxWords()),
                "languageName", SummaryPrompt.languageName(language)));
    }

    String user(List<StoryArticle> articles) {
        return user.render(Map.of(
                "count", String.valueOf(articles.size()),
                "articles", articles.stream().map(StorySummaryPrompt::article).collect(Collectors.joining("\n\n"))));
    }

    private static String article(StoryArticle article) {
        String source = article.source() == null ? "unknown" : attribute(article.source());
        return "<article id=\"" + article.id() + "\" source=\"" + source + "\">\n"
                + "Title: " + SummaryPrompt.defuse(article.title()).replaceAll("\\s+", " ") + "\n\n"
                + SummaryPrompt.defuse(lead(article.text())) + "\n</article>";
    }

    /** A source name as an attribute value: no quotes, no markup, one line. */
    private static String attribute(String value) {
        return value.replaceAll("[\"<>\\s]+", " ").strip();
    }

    static String lead(String text) {
        String[] words = text.strip().split("(?<=\\s)(?=\\S)");
        return words.length <= WORDS_PER_ARTICLE ? text.strip()
                : String.join("", List.of(words).subList(0, WORDS_PER_ARTICLE)).strip() + " …";
    }
}
