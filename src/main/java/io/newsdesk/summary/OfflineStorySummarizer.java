package io.newsdesk.summary;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.List;

/** {@link MultiDocumentSummarizer} on the offline sentence embeddings, run on a worker thread. */
final class OfflineStorySummarizer {

    private final MultiDocumentSummarizer summarizer;
    private final String name;

    OfflineStorySummarizer(EmbeddingModel model, String name, SummaryLimits limits) {
        this.summarizer = new MultiDocumentSummarizer(model, limits);
        this.name = name;
    }

    /** The label stored with the summary: the article summarizer's ({@code extractive}). */
    String name() {
        return name;
    }

    Uni<StorySummaryText> summarize(List<StoryArticle> articles) {
        return Uni.createFrom().item(() -> summarizer.summarize(articles))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
