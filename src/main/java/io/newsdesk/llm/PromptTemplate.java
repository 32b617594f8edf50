package io.newsdesk.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A prompt from {@code src/main/resources/prompts/}, with {@code {{name}}} placeholders. Untrusted text goes into the
 * prompt only through {@link #defuse(String, String...)}, so that it can never close the tags that delimit it.
 */
public final class PromptTemplate {

    private final String template;

    private PromptTemplate(String template) {
        this.template = template;
    }

    public static PromptTemplate load(String path) {
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + path);
            }
            return new PromptTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(Map<String, String> values) {
        String rendered = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            rendered = rendered.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return rendered.strip();
    }

    /** Turns opening and closing forms of the given tags in untrusted text into harmless look-alikes. */
    public static String defuse(String untrusted, String... tags) {
        String defused = untrusted;
        for (String tag : tags) {
            defused = Pattern.compile("<(/?)\\s*(" + Pattern.quote(tag) + ")", Pattern.CASE_INSENSITIVE)
                    .matcher(defused).replaceAll("‹$1$2");
        }
        return defused;
    }
}
