package io.newsdesk.embedding;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;

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

    @Description("Where story embeddings for SAME_STORY come from: in-process (ONNX all-MiniLM-L6-v2), provider (the "
            + "LLM provider's /embeddings at newsdesk.llm.base-url with newsdesk.llm.api-key) or none (copies only). "
            + "Native builds have no in-process model.")
    @WithDefault("in-process")
    Source source();

    @Description("The provider's embedding model, with source=provider.")
    @WithDefault("text-embedding-3-small")
    @NotBlank
    String model();
}
