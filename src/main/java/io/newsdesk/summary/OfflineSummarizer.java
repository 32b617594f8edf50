package io.newsdesk.summary;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The summarizer that needs no LLM: {@link ExtractiveSummarizer} on the in-process ONNX sentence embeddings. The
 * model runs on a worker thread, never on the event loop.
 */
public class OfflineSummarizer implements Summarizer {

    public static final String NAME = "extractive";

    private final ExtractiveSummarizer summarizer;
    private final Clock clock;

    public OfflineSummarizer(EmbeddingModel model, SummaryLimits limits, Clock clock) {
        this.summarizer = new ExtractiveSummarizer(model, limits);
        this.clock = clock;
    }

    @Override
    public Uni<Summary> summarize(SummaryRequest request) {
        return Uni.createFrom()
                .item(() -> new Summary(summarizer.summarize(request.text()).text(), NAME,
                        clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
