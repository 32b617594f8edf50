package io.newsdesk.story;

import io.newsdesk.llm.PromptTemplate;
import io.newsdesk.text.TextBeginning;
import java.util.Map;

/**
 * The "same event?" prompt, from {@code prompts/same-story-system.txt} and {@code prompts/same-story-user.txt}. Each
 * article is delimited as data; both texts are cut to their first {@link #MAX_CHARS} characters at a space (the lead
 * carries the event) and defused so that neither can close a delimiter.
 */
final class SameStoryPrompt {

    static final int MAX_CHARS = 3000;
    private static final String[] TAGS = {"article_a", "article_b"};

    private final PromptTemplate system = PromptTemplate.load("prompts/same-story-system.txt");
    private final PromptTemplate user = PromptTemplate.load("prompts/same-story-user.txt");

    String system() {
        return system.render(Map.of());
    }

    String user(PairToJudge pair) {
        return user.render(Map.of(
                "publishedA", pair.a().publishedAt().toString(),
                "titleA", oneLine(pair.a().title()),
                "textA", text(pair.a().text()),
                "publishedB", pair.b().publishedAt().toString(),
                "titleB", oneLine(pair.b().title()),
                "textB", text(pair.b().text())));
    }

    private static String oneLine(String title) {
        return PromptTemplate.defuse(title == null ? "" : title, TAGS).replaceAll("\\s+", " ");
    }

    private static String text(String text) {
        String lead = text.length() > MAX_CHARS ? TextBeginning.of(text, MAX_CHARS) + " …" : text;
        return PromptTemplate.defuse(lead, TAGS);
    }
}
