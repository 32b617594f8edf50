package io.newsdesk.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;

/**
 * Calls the configured LLM without blocking any thread: langchain4j's streaming model runs on the non-blocking
 * Vert.x HTTP client, and its callbacks complete a Uni. Hundreds of calls can wait at once; none holds a thread.
 * The Uni completes on a client thread: callers that go on to Hibernate Reactive move back to their context.
 */
@ApplicationScoped
public class LlmClient {

    private final StreamingChatModel model;
    private final LlmCircuitBreaker breaker;
    private final LlmRateLimit rateLimit;
    private final LlmMetrics metrics;
    private final boolean sendSchema;

    LlmClient(StreamingChatModel model, LlmCircuitBreaker breaker, LlmRateLimit rateLimit, LlmMetrics metrics,
            LlmConfig config) {
        this.model = model;
        this.breaker = breaker;
        this.rateLimit = rateLimit;
        this.metrics = metrics;
        this.sendSchema = config.jsonSchema();
    }

    /**
     * The answer to a structured question, turned into a validated value by {@code validate}; an answer that fails
     * validation ({@link InvalidLlmAnswerException}) is counted as invalid for the question's purpose and fails the
     * call.
     */
    public <T> Uni<T> ask(StructuredQuestion question, Function<String, T> validate) {
        return chat(question.request(sendSchema), question.purpose()).map(response -> {
            try {
                return validate.apply(response.aiMessage().text());
            } catch (InvalidLlmAnswerException e) {
                metrics.invalidAnswer(question.purpose());
                throw e;
            }
        });
    }

    /** The complete response; fails at once with {@link LlmUnavailableException} while paused or open. */
    public Uni<ChatResponse> chat(ChatRequest request, String purpose) {
        if (rateLimit.isPaused()) {
            return rejected(purpose, "rate limited by the provider until " + rateLimit.pausedUntil());
        }
        if (!breaker.allowCall()) {
            return rejected(purpose, "circuit open after repeated LLM failures");
        }
        long started = System.nanoTime();
        return Uni.createFrom().<ChatResponse>emitter(emitter -> model.chat(request,
                        new StreamingChatResponseHandler() {
                            @Override
                            public void onPartialResponse(String partialResponse) {
                                // only the complete answer is used
                            }

                            @Override
                            public void onCompleteResponse(ChatResponse response) {
                                emitter.complete(response);
                            }

                            @Override
                            public void onError(Throwable error) {
                                emitter.fail(error);
                            }
                        }))
                .onItem().invoke(response -> {
                    breaker.recordSuccess();
                    metrics.succeeded(purpose, Duration.ofNanos(System.nanoTime() - started), response.tokenUsage());
                })
                .onFailure().invoke(failure -> {
                    breaker.recordFailure();
                    metrics.failed(purpose, failure);
                })
                // A caller's timeout cancels the wait: for the breaker, a call too slow to use is a failure.
                .onCancellation().invoke(() -> {
                    breaker.recordFailure();
                    metrics.failed(purpose, new io.smallrye.mutiny.TimeoutException());
                });
    }

    private Uni<ChatResponse> rejected(String purpose, String reason) {
        LlmUnavailableException failure = new LlmUnavailableException(reason);
        metrics.failed(purpose, failure);
        return Uni.createFrom().failure(failure);
    }
}
