package io.newsdesk.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResemblanceTest {

    @Test
    void countsTheCommonElementsOfSortedSets() {
        Resemblance r = Resemblance.of(new long[] {-5, 1, 2, 3}, new long[] {1, 3, 7, 9, 11, 13});
        assertThat(r).isEqualTo(new Resemblance(4, 6, 2));
        assertThat(r.jaccard()).isCloseTo(2.0 / 8, within(1e-12));
        assertThat(r.containmentOfA()).isCloseTo(0.5, within(1e-12));
        assertThat(r.containmentOfB()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(r.maxContainment()).isCloseTo(0.5, within(1e-12));
        assertThat(r.smallerSize()).isEqualTo(4);
    }

    @Test
    void aSubsetIsFullyContained() {
        Resemblance r = Resemblance.of(new long[] {2, 4}, new long[] {1, 2, 3, 4, 5});
        assertThat(r.maxContainment()).isEqualTo(1.0);
        assertThat(r.jaccard()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void emptySetsResembleNothing() {
        Resemblance r = Resemblance.of(new long[0], new long[0]);
        assertThat(r.jaccard()).isZero();
        assertThat(r.maxContainment()).isZero();
        assertThat(Resemblance.of(new long[0], new long[] {1}).maxContainment()).isZero();
    }
}
