package io.newsdesk.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The summary prompt, from {@code prompts/summary-system.txt} and {@code prompts/summary-user.txt}. The article goes
 * inside {@code <article>} delimiters; any such tag inside the article itself is defused first, so that article text
 * can never close the delimiter and speak as the user.
 */
public final class SummaryPrompt {

    private final String systemTemplate;
    private final String userTemplate;

    public SummaryPrompt() {
        this.systemTemplate = resource("prompts/summary-system.txt");
        this.userTemplate = resource("prompts/summary-user.txt");
    }

    public String system(SummaryLimits limits, String language) {
        return render(systemTemplate, Map.of(
                "maxSentences", String.valueOf(limits.maxSentences()),
                "maxWords", String.valueOf(limits.maxWords()),
                "languageName", languageName(language)));
    }

    public String user(SummaryRequest request) {
        return render(userTemplate, Map.of(
                "title", defuse(request.title()).replaceAll("\\s+", " "),
                "article", defuse(request.text())));
    }

    /** Turns {@code <article>} and {@code </article>} in untrusted text into harmless look-alikes. */
    static String defuse(String untrusted) {
        return untrusted.replaceAll("(?i)<(/?)\\s*article", "‹$1article");
    }

    private static String languageName(String language) {
        if (language == null || language.equals("und")) {
            return "the language the article is written in";
        }
        String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? language : name + " (" + language + ")";
    }

    private static String render(String template, Map<String, String> values) {
        String rendered = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            rendered = rendered.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return rendered.strip();
    }

    private static String resource(String path) {
        try (InputStream in = SummaryPrompt.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
