package io.newsdesk.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import io.smallrye.mutiny.TimeoutException;

/** Names the cause of a failed LLM call with a small fixed vocabulary, for metrics and stored reasons. */
public final class LlmFailures {

    private LlmFailures() {
    }

    public static String cause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof HttpException) && !(root instanceof RateLimitException)) {
            root = root.getCause();
        }
        if (failure instanceof TimeoutException || root instanceof java.util.concurrent.TimeoutException) {
            return "timeout";
        }
        if (failure instanceof LlmUnavailableException) {
            return "unavailable";
        }
        if (failure instanceof InvalidLlmAnswerException) {
            return "invalid_answer";
        }
        if (root instanceof RateLimitException) {
            return "rate_limited";
        }
        if (root instanceof HttpException http) {
            return http.statusCode() == 429 ? "rate_limited" : "http_" + http.statusCode();
        }
        return "error";
    }

    /** A short reason for summary_error: the cause and the first line of the message, never request contents. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("");
        String reason = cause(failure) + (message.isBlank() ? "" : ": " + message);
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }
}
