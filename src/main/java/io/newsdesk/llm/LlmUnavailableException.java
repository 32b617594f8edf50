package io.newsdesk.llm;

/** The LLM was not asked: its circuit is open or it asked newsdesk to wait (HTTP 429 Retry-After). */
public class LlmUnavailableException extends RuntimeException {

    public LlmUnavailableException(String message) {
        super(message);
    }
}
