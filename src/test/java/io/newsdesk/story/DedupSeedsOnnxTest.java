package io.newsdesk.story;

import io.newsdesk.fingerprint.StoryEmbedder;
import io.newsdesk.store.DuplicateKind;

import io.newsdesk.embedding.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.extract.ArticleCleaner;
import io.newsdesk.story.DevSet.CopyType;
import io.newsdesk.story.DevSet.DevArticle;
import io.newsdesk.testing.Seeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The judge on the five scraped seeds with the real in-process sentence encoder: five different stories. */
@Tag("onnx")
class DedupSeedsOnnxTest {

    private static final Instant AT = Instant.parse("2024-04-16T12:00:00Z");
    private static StoryEmbedder embedder;
    private static final ArticleCleaner CLEANER = new ArticleCleaner();

    @BeforeAll
    static void loadModel() {
        embedder = new StoryEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    private static DedupArticle article(String title, String raw, Instant at) {
        String text = CLEANER.clean(title, raw, null).text();
        return DedupArticle.of(title, text, at, embedder.embed(title, text));
    }

    private static List<DedupArticle> seeds() {
        List<DedupArticle> out = new ArrayList<>();
        for (Seeds.Seed s : Seeds.all()) {
            out.add(article(s.title(), s.text(), AT));
        }
        return out;
    }

    @Test
    void noTwoSeedsAreDuplicatesEvenPublishedTogether() {
        List<DedupArticle> seeds = seeds();
        DuplicateJudge judge = new DuplicateJudge();
        for (int i = 0; i < seeds.size(); i++) {
            assertThat(seeds.get(i).embedding()).hasSize(384);
            for (int j = 0; j < seeds.size(); j++) {
                if (i != j) {
                    assertThat(judge.judge(seeds.get(i), seeds.get(j))).as("seed %d vs %d", i, j).isEmpty();
                    // Without an LLM the model alone decides; 003 (Rafah talks) and 004 (Austin-Gallant meeting) come
                    // closest, at p 0.83: with an LLM configured, that pair is one it is asked about.
                    assertThat(judge.sameStoryProbability(PairEvidence.of(seeds.get(i), seeds.get(j))))
                            .as("seed %d vs %d", i, j).isLessThan(SameStoryModel.load().threshold());
                }
            }
        }
    }

    @Test
    void aRewrappedRetitledCutCopyWithTyposOfASeedIsNearVerbatim() {
        Seeds.Seed seed = Seeds.get(3);
        DedupArticle original = article(seed.title(), seed.text(), AT);
        DevArticle source = new DevArticle(seed.name(), seed.title(), original.cleanedText(), AT, CopyType.ORIGINAL,
                seed.name());
        DevArticle copy = DevSet.generator(11).copy(source, CopyType.MIXED, List.of(source));
        DedupArticle copied = article(copy.title(), copy.body(), copy.publishedAt());
        Verdict v = new DuplicateJudge().judge(copied, original).orElseThrow();
        assertThat(v.kind()).isEqualTo(DuplicateKind.NEAR_VERBATIM);
        assertThat(v.reason()).startsWith("MinHash/shingle");
        for (DedupArticle other : seeds()) {
            if (!other.cleanedText().equals(original.cleanedText())) {
                assertThat(new DuplicateJudge().judge(copied, other)).isEmpty();
            }
        }
    }
}
