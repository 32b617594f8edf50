package io.newsdesk.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/** Reads an LLM's JSON answer into a record, tolerating a markdown code fence around it. */
public final class LlmJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Pattern FENCE = Pattern.compile("^\\s*```[a-zA-Z]*\\s*\\n?(.*?)\\n?\\s*```\\s*$", Pattern.DOTALL);

    private LlmJson() {
    }

    /** The answer as {@code type}, or {@link InvalidLlmAnswerException} when it is empty or not that JSON. */
    public static <T> T parse(String content, Class<T> type) {
        if (content == null || content.isBlank()) {
            throw new InvalidLlmAnswerException("empty answer");
        }
        var fenced = FENCE.matcher(content);
        String json = fenced.matches() ? fenced.group(1) : content;
        try {
            return JSON.readValue(json.strip(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidLlmAnswerException("not the requested JSON: " + e.getOriginalMessage());
        }
    }
}
