package io.newsdesk.summary;

import io.newsdesk.store.Summary;
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

    /** The label with the in-process neural sentence embeddings. */
    public static final String NAME = "extractive";
    /** The label with {@link io.newsdesk.embedding.LexicalEmbeddingModel} (native builds). */
    public static final String LEXICAL_NAME = "extractive-lexical";

    private final ExtractiveSummarizer summarizer;
    private final String name;
    private final Clock clock;

    public OfflineSummarizer(EmbeddingModel model, String name, SummaryLimits limits, Clock clock) {
        this.summarizer = new ExtractiveSummarizer(model, limits);
        this.name = name;
        this.clock = clock;
    }

    @Override
    public Uni<Summary> summarize(SummaryRequest request) {
        return Uni.createFrom()
                .item(() -> new Summary(summarizer.summarize(request.text()).text(), name,
                        clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
