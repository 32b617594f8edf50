package io.newsdesk.llm;

/** The LLM answered, but not with something newsdesk can use (malformed, empty, off-limits, off-topic). */
public class InvalidLlmAnswerException extends RuntimeException {

    public InvalidLlmAnswerException(String message) {
        super(message);
    }
}
