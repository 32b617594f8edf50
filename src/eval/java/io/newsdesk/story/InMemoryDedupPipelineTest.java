package io.newsdesk.story;

import io.newsdesk.fingerprint.LshBands;
import io.newsdesk.testing.Texts;
import io.newsdesk.store.DuplicateKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryDedupPipelineTest {

    private static final Instant AT = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void copiesJoinTheirStoryAndUnrelatedArticlesStayApart() {
        InMemoryDedupPipeline pipeline = new InMemoryDedupPipeline(LshBands.DEFAULT, 5, 0.5, Duration.ofDays(3));
        pipeline.add(DedupArticle.of("Ferry", Texts.prefix(Texts.FERRY, 0.5), AT, null)); // 0
        pipeline.add(DedupArticle.of("Budget", Texts.BUDGET, AT, null)); // 1
        pipeline.add(DedupArticle.of("Ferry", Texts.FERRY, AT, null)); // 2
        pipeline.add(DedupArticle.of("Ferry!", Texts.typos(Texts.FERRY, 20), AT, null)); // 3
        pipeline.add(DedupArticle.of("Budget", Texts.BUDGET.toUpperCase(), AT, null)); // 4

        List<InMemoryDedupPipeline.Edge> edges = pipeline.judge(new DuplicateJudge());
        assertThat(pipeline.unionStories(edges)).containsExactly(0, 1, 0, 0, 1);
        assertThat(pipeline.attachStories(edges)).containsExactly(0, 1, 0, 0, 1);
        assertThat(edges).anySatisfy(e -> {
            assertThat(e.later()).isEqualTo(4);
            assertThat(e.verdict().kind()).isEqualTo(DuplicateKind.EXACT);
        });
        assertThat(pipeline.candidates()).noneMatch(c -> (c.later() == 1 || c.later() == 4) && c.earlier() % 2 == 0);
    }

    @Test
    void embeddingNeighboursAreCandidatesOnlyWithinTheWindow() {
        InMemoryDedupPipeline pipeline = new InMemoryDedupPipeline(LshBands.DEFAULT, 5, 0.5, Duration.ofDays(3));
        float[] v = {1, 0};
        pipeline.add(DedupArticle.of("A", Texts.FERRY, AT, v));
        pipeline.add(DedupArticle.of("B", Texts.BUDGET, AT.plus(Duration.ofDays(4)), v));
        pipeline.add(DedupArticle.of("C", Texts.BUDGET.replace("council", "assembly") + " Extra.", AT.plus(
                Duration.ofDays(1)), v));
        assertThat(pipeline.candidates()).extracting(c -> c.later() + ">" + c.earlier()).contains("2>0", "2>1")
                .doesNotContain("1>0");
        List<InMemoryDedupPipeline.Edge> edges = pipeline.judge(new DuplicateJudge());
        assertThat(edges).extracting(e -> e.later() + ">" + e.earlier() + ":" + e.verdict().kind())
                .containsExactlyInAnyOrder("2>0:SAME_STORY", "2>1:NEAR_VERBATIM");
        // Union joins all three; attaching keeps article 2 with its strongest match only.
        assertThat(pipeline.unionStories(edges)).containsExactly(0, 0, 0);
        assertThat(pipeline.attachStories(edges)).containsExactly(0, 1, 1);
    }
}
