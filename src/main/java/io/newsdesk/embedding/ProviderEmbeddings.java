package io.newsdesk.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.newsdesk.llm.LlmConfig;
import jakarta.inject.Singleton;

/**
 * The LLM provider's embeddings endpoint ({@code POST /embeddings} of the OpenAI protocol at newsdesk.llm.base-url,
 * with newsdesk.llm.api-key), built on first use. langchain4j's client blocks: call it on worker threads.
 */
@Singleton
public class ProviderEmbeddings {

    private final LlmConfig llm;
    private final String modelName;
    private volatile EmbeddingModel model;

    ProviderEmbeddings(LlmConfig llm, EmbeddingsConfig embeddings) {
        this.llm = llm;
        this.modelName = embeddings.model();
    }

    public EmbeddingModel model() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = OpenAiEmbeddingModel.builder()
                            .baseUrl(llm.baseUrl())
                            .apiKey(llm.apiKey().orElse("not-configured"))
                            .modelName(modelName)
                            .timeout(llm.timeout())
                            .maxRetries(0)
                            .build();
                }
            }
        }
        return model;
    }
}
