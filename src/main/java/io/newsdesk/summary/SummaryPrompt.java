package io.newsdesk.summary;

import io.newsdesk.llm.PromptTemplate;
import java.util.Locale;
import java.util.Map;

/**
 * The summary prompt, from {@code prompts/summary-system.txt} and {@code prompts/summary-user.txt}. The article goes
 * inside {@code <article>} delimiters; any such tag inside the article itself is defused first, so that article text
 * can never close the delimiter and speak as the user.
 */
public final class SummaryPrompt {

    private final PromptTemplate system = PromptTemplate.load("prompts/summary-system.txt");
    private final PromptTemplate user = PromptTemplate.load("prompts/summary-user.txt");

    public String system(SummaryLimits limits, String language) {
        return system.render(Map.of(
                "maxSentences", String.valueOf(limits.maxSentences()),
                "maxWords", String.valueOf(limits.maxWords()),
                "languageName", languageName(language)));
    }

    public String user(SummaryRequest request) {
        return user.render(Map.of(
                "title", defuse(request.title()).replaceAll("\\s+", " "),
                "article", defuse(request.text())));
    }

    /** Turns {@code <article>} and {@code </article>} in untrusted text into harmless look-alikes. */
    static String defuse(String untrusted) {
        return PromptTemplate.defuse(untrusted, "article");
    }

    static String languageName(String language) {
        if (language == null || language.equals("und")) {
            return "the language the article is written in";
        }
        String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? language : name + " (" + language + ")";
    }
}
