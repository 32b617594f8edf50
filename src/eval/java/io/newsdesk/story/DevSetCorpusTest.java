package io.newsdesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.eval.Corpora;
import io.newsdesk.story.DevSet.DevArticle;
import org.junit.jupiter.api.Test;

/**
 * The labelled development set built from the BBC corpus (outside the repository):
 * {@code ./mvnw -Peval test -Dtest=DevSetCorpusTest -Deval.bbc=../shared/eval/bbc.jsonl}.
 */
class DevSetCorpusTest {

    @Test
    void buildsTheLabelledSetFromTheBbcCorpus() {
        DevSet.Data data = DevSet.build(Corpora.fromProperty("eval.bbc"), 7, 10);
        assertThat(data.articles()).hasSize(2225 + 6 * 10);
        assertThat(data.pairs()).filteredOn(p -> p.label() == DevSet.Label.NATURAL_EXACT).hasSize(137);
        assertThat(data.pairs()).filteredOn(p -> p.label() == DevSet.Label.NATURAL_NEAR_VERBATIM)
                .hasSize(DevSet.NATURAL_NEAR_VERBATIM.size());
        assertThat(data.pairs()).filteredOn(p -> p.label() == DevSet.Label.NATURAL_SAME_STORY)
                .hasSize(DevSet.NATURAL_SAME_STORY.size());
        for (DevArticle a : data.articles()) {
            assertThat(data.copyGroup().get(a.id())).isEqualTo(data.copyGroup().get(a.sourceId()));
            assertThat(data.story().get(a.id())).isEqualTo(data.story().get(a.sourceId()));
        }
        // Same-story labels join copy groups into stories, never the other way round.
        assertThat(new java.util.HashSet<>(data.story().values()).size())
                .isEqualTo(new java.util.HashSet<>(data.copyGroup().values()).size() - DevSet.NATURAL_SAME_STORY.size());
        assertThat(DevSet.build(Corpora.fromProperty("eval.bbc"), 7, 10).articles())
                .isEqualTo(data.articles());
    }
}
