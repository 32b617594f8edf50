package io.newsdesk.summary;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.List;

/** {@link MultiDocumentSummarizer} on the offline sentence embeddings, run on a worker thread. */
final class OfflineStorySummarizer {

    /** The label on lexical sentence vectors (builds without the in-process model). */
    static final String LEXICAL_NAME = "extractive-lexical";

    private final MultiDocumentSummarizer summarizer;
    private final String name;

    OfflineStorySummarizer(EmbeddingModel model, String name, SummaryLimits limits) {
        this.summarizer = new MultiDocumentSummarizer(model, limits);
        this.name = name;
    }

    /** The label stored with the summary: the article summarizer's ({@code extractive}), or {@link #LEXICAL_NAME}. */
    String name() {
        return name;
    }

    Uni<StorySummaryText> summarize(List<StoryArticle> articles) {
        return Uni.createFrom().item(() -> summarizer.summarize(articles))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
