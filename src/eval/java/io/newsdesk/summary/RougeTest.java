package io.newsdesk.summary;

import io.newsdesk.text.Words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RougeTest {

    private static final Offset<Double> EXACT = within(1e-12);

    @Test
    void scoresTheClassicCatExampleByHand() {
        // reference: the cat sat on the mat (6 tokens), candidate: the cat lay on the mat (6 tokens)
        // unigrams: the x2, cat, on, mat match (sat/lay do not): 5 of 6 each way -> P = R = F = 5/6
        // bigrams (5 each): ref {the cat, cat sat, sat on, on the, the mat}, cand {the cat, cat lay, lay on, on the,
        // the mat}: 3 shared -> P = R = F = 3/5
        // LCS: the cat on the mat = 5 -> P = R = F = 5/6
        Rouge.Scores scores = Rouge.score("the cat lay on the mat", "the cat sat on the mat");

        assertThat(scores.rouge1().precision()).isCloseTo(5.0 / 6, EXACT);
        assertThat(scores.rouge1().recall()).isCloseTo(5.0 / 6, EXACT);
        assertThat(scores.rouge1().f1()).isCloseTo(5.0 / 6, EXACT);
        assertThat(scores.rouge2().f1()).isCloseTo(3.0 / 5, EXACT);
        assertThat(scores.rougeL().f1()).isCloseTo(5.0 / 6, EXACT);
    }

    @Test
    void weighsPrecisionAndRecallWhenLengthsDiffer() {
        // candidate "the cat sat" (3 tokens) against "the cat sat on the mat" (6 tokens)
        // R1: 3 matches -> P = 3/3 = 1, R = 3/6 = 1/2, F = 2 * 1 * 1/2 / (3/2) = 2/3
        // R2: cand {the cat, cat sat} both in ref -> P = 2/2 = 1, R = 2/5, F = 2 * 2/5 / (7/5) = 4/7
        // RL: LCS 3 -> same as R1 -> 2/3
        Rouge.Scores scores = Rouge.score("The cat sat.", "the cat sat on the mat");

        assertThat(scores.rouge1().precision()).isCloseTo(1.0, EXACT);
        assertThat(scores.rouge1().recall()).isCloseTo(0.5, EXACT);
        assertThat(scores.rouge1().f1()).isCloseTo(2.0 / 3, EXACT);
        assertThat(scores.rouge2().precision()).isCloseTo(1.0, EXACT);
        assertThat(scores.rouge2().recall()).isCloseTo(2.0 / 5, EXACT);
        assertThat(scores.rouge2().f1()).isCloseTo(4.0 / 7, EXACT);
        assertThat(scores.rougeL().f1()).isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void clipsRepeatedNgramsToTheirCountInTheReference() {
        // candidate "the the the the" vs reference "the cat": "the" counts once -> P = 1/4, R = 1/2,
        // F = 2 * 1/8 / (3/4) = 1/3; no shared bigram ("the the" x3 vs "the cat") -> R2 = 0
        Rouge.Scores scores = Rouge.score("the the the the", "the cat");

        assertThat(scores.rouge1().precision()).isCloseTo(0.25, EXACT);
        assertThat(scores.rouge1().recall()).isCloseTo(0.5, EXACT);
        assertThat(scores.rouge1().f1()).isCloseTo(1.0 / 3, EXACT);
        assertThat(scores.rouge2()).isEqualTo(Rouge.Score.ZERO);
    }

    @Test
    void rougeLRewardsInOrderSubsequencesOnly() {
        // Lin (2004): "police kill the gunman" vs "police killed the gunman": LCS police..the gunman = 3 -> 3/4
        assertThat(Rouge.score("police kill the gunman", "police killed the gunman").rougeL().f1())
                .isCloseTo(0.75, EXACT);
        // "the gunman kill police": LCS "the gunman" = 2 -> 2/4, although R1 is the same 3/4
        Rouge.Scores reordered = Rouge.score("the gunman kill police", "police killed the gunman");
        assertThat(reordered.rougeL().f1()).isCloseTo(0.5, EXACT);
        assertThat(reordered.rouge1().f1()).isCloseTo(0.75, EXACT);
        // reversed sequence: all unigrams match (R1 = 1) but the LCS is a single token -> 1/5
        Rouge.Scores reversed = Rouge.score("e d c b a", "a b c d e");
        assertThat(reversed.rouge1().f1()).isCloseTo(1.0, EXACT);
        assertThat(reversed.rouge2().f1()).isZero();
        assertThat(reversed.rougeL().f1()).isCloseTo(0.2, EXACT);
    }

    @Test
    void givesFullMarksToAnIdenticalSummaryWhateverItsCaseAndPunctuation() {
        Rouge.Scores scores = Rouge.score("Kite's length: 6 km.", "kite 's length 6 km");

        assertThat(scores.rouge1().f1()).isCloseTo(1.0, EXACT);
        assertThat(scores.rouge2().f1()).isCloseTo(1.0, EXACT);
        assertThat(scores.rougeL().f1()).isCloseTo(1.0, EXACT);
    }

    @Test
    void tokenizesLowerCasedOnNonAlphanumericCharactersWithoutStemming() {
        assertThat(Words.tokenize("The U.S.-based firm's CEO, José, quit in 2024!\nRunning"))
                .containsExactly("the", "u", "s", "based", "firm", "s", "ceo", "josé", "quit", "in", "2024",
                        "running");
        // no stemming: "runs" and "running" differ
        assertThat(Rouge.score("runs", "running").rouge1().f1()).isZero();
    }

    @Test
    void scoresZeroForAnEmptyCandidateOrReference() {
        assertThat(Rouge.score("", "the cat sat")).isEqualTo(
                new Rouge.Scores(Rouge.Score.ZERO, Rouge.Score.ZERO, Rouge.Score.ZERO));
        assertThat(Rouge.score("the cat sat", "")).isEqualTo(
                new Rouge.Scores(Rouge.Score.ZERO, Rouge.Score.ZERO, Rouge.Score.ZERO));
        assertThat(Rouge.score("...", "the cat").rouge1().f1()).isZero();
        assertThat(Rouge.score(null, "the cat").rougeL().f1()).isZero();
        // one token: no bigram on the candidate side, so ROUGE-2 is 0 while ROUGE-1 is not
        Rouge.Scores single = Rouge.score("cat", "the cat");
        assertThat(single.rouge1().f1()).isCloseTo(2.0 / 3, EXACT);
        assertThat(single.rouge2().f1()).isZero();
    }

    @Test
    void treatsNewlinesInTheReferenceAsWhitespace() {
        assertThat(Rouge.score("one two three four", "one two\nthree four").rouge2().f1()).isCloseTo(1.0, EXACT);
    }
}
