package io.newsdesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusteringMetricsTest {

    // Gold: {a b c} {d e} {f}.  Predicted: {a b} {c d e} {f}.
    private static final Map<String, String> GOLD = Map.of("a", "1", "b", "1", "c", "1", "d", "2", "e", "2", "f", "3");
    private static final Map<String, String> PREDICTED = Map.of("a", "x", "b", "x", "c", "y", "d", "y", "e", "y",
            "f", "z");

    @Test
    void pairwiseByHand() {
        // Predicted pairs: ab, cd, ce, de = 4. Gold pairs: ab, ac, bc, de = 4. Both: ab, de = 2.
        var p = new ClusteringMetrics(PREDICTED, GOLD).pairwise();
        assertThat(p).isEqualTo(new ClusteringMetrics.Pairwise(4, 4, 2));
        assertThat(p.scores().precision()).isEqualTo(0.5);
        assertThat(p.scores().recall()).isEqualTo(0.5);
        assertThat(p.scores().f1()).isEqualTo(0.5);
    }

    @Test
    void bcubedByHand() {
        // Precision: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3, f 1/1 -> (1 + 1 + 1/3 + 2/3 + 2/3 + 1) / 6 = 14/18.
        // Recall:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2, f 1/1 -> (2/3 + 2/3 + 1/3 + 1 + 1 + 1) / 6 = 14/18.
        var b = new ClusteringMetrics(PREDICTED, GOLD).bcubed();
        assertThat(b.precision()).isCloseTo(14.0 / 18, within(1e-12));
        assertThat(b.recall()).isCloseTo(14.0 / 18, within(1e-12));
        assertThat(b.f1()).isCloseTo(14.0 / 18, within(1e-12));
    }

    @Test
    void focusedOnSomeItems() {
        var m = new ClusteringMetrics(PREDICTED, GOLD);
        // Pairs touching c: predicted cd, ce (both wrong); gold ac, bc (both missed).
        assertThat(m.pairwise(Set.of("c"))).isEqualTo(new ClusteringMetrics.Pairwise(2, 2, 0));
        // Pairs touching d or e: predicted cd, ce, de; gold de; right: de. The pair de is counted once.
        assertThat(m.pairwise(Set.of("d", "e"))).isEqualTo(new ClusteringMetrics.Pairwise(3, 1, 1));
        assertThat(m.bcubed(Set.of("a", "f")).precision()).isEqualTo(1.0);
        assertThat(m.bcubed(Set.of("a", "f")).recall()).isCloseTo((2.0 / 3 + 1) / 2, within(1e-12));
        assertThat(m.pairwise(Set.of("f"))).isEqualTo(new ClusteringMetrics.Pairwise(0, 0, 0));
        assertThat(m.pairwise(Set.of("f")).scores()).isEqualTo(new ClusteringMetrics.Scores(1, 1));
    }

    @Test
    void perfectAndAllInOne() {
        var perfect = new ClusteringMetrics(GOLD, GOLD);
        assertThat(perfect.pairwise().scores().f1()).isEqualTo(1.0);
        assertThat(perfect.bcubed().f1()).isEqualTo(1.0);
        Map<String, String> lumped = Map.of("a", "0", "b", "0", "c", "0", "d", "0", "e", "0", "f", "0");
        var all = new ClusteringMetrics(lumped, GOLD);
        assertThat(all.pairwise()).isEqualTo(new ClusteringMetrics.Pairwise(15, 4, 4));
        assertThat(all.bcubed().recall()).isEqualTo(1.0);
        assertThat(all.bcubed().precision()).isCloseTo((3 * 3 + 2 * 2 + 1) / 36.0, within(1e-12));
    }

    @Test
    void rejectsDifferentItems() {
        assertThatThrownBy(() -> new ClusteringMetrics(Map.of("a", "x"), Map.of("b", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
