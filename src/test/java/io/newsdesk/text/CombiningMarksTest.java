package io.newsdesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CombiningMarksTest {

    @Test
    void cutsAStackOfMarksToThirty() {
        String zalgo = "a" + "\u0301".repeat(500_000) + " b";

        assertThat(CombiningMarks.capRuns(zalgo)).isEqualTo("a" + "\u0301".repeat(30) + " b");
    }

    @Test
    void leavesTextOfRealScriptsAlone() {
        String text = "Ca\u0301fe\u0301, ti\u1EBFng Vi\u1EC7t, \u0928\u092E\u0938\u094D\u0924\u0947, \u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD";

        assertThat(CombiningMarks.capRuns(text)).isSameAs(text);
    }

    @Test
    void countsEachRunAfresh() {
        String twoRuns = "a" + "\u0301".repeat(31) + "b" + "\u0300".repeat(31);

        assertThat(CombiningMarks.capRuns(twoRuns))
                .isEqualTo("a" + "\u0301".repeat(30) + "b" + "\u0300".repeat(30));
    }
}
