package io.newsdesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.testing.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmModelTest {

    @Test
    void embedsExactlyAsLangchain4jsStockModelDoes() {
        List<TextSegment> texts = List.of(TextSegment.from("Pianist returns to the stage after hand injury"),
                TextSegment.from(Texts.article(20)), TextSegment.from("x"));
        List<Embedding> ours = new MiniLmModel().embedAll(texts).content();
        List<Embedding> stock = new AllMiniLmL6V2QuantizedEmbeddingModel().embedAll(texts).content();

        assertThat(ours).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(ours.get(i).vector()).hasSize(384).containsExactly(stock.get(i).vector(),
                    org.assertj.core.data.Offset.offset(1e-5f));
        }
        assertThat(new MiniLmModel().dimension()).isEqualTo(384);
    }
}
