package io.newsdesk.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** newsdesk.embeddings.*: where the story and sentence embeddings come from. */
@ConfigMapping(prefix = "newsdesk.embeddings")
public interface EmbeddingsConfig {

    enum Source {
        /** The in-process ONNX model (all-MiniLM-L6-v2, quantized). */
        IN_PROCESS,
        /** The LLM provider's embeddings endpoint (newsdesk.llm.base-url, OpenAI protocol). */
        PROVIDER,
        /** No embeddings: copies only (EXACT, NEAR_VERBATIM); SAME_STORY is never decided. */
        NONE
    }

    /** Where story embeddings for SAME_STORY come from. */
    @WithDefault("in-process")
    Source source();

    /** The provider's embedding model, with source=provider. */
    @WithDefault("text-embedding-3-small")
    String model();
}
