package io.newsdesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextBeginningTest {

    @Test
    void aTextWithinTheBoundIsItself() {
        String text = "The harbour reopened on Friday. ".repeat(700);

        assertThat(TextBeginning.of(text, 100_000)).isSameAs(text);
    }

    @Test
    void aLongerTextIsCutAtTheLastSpaceBeforeTheBound() {
        assertThat(TextBeginning.of("word ".repeat(1_800_000), 100_000))
                .hasSize(100_000 - 1).endsWith("word").doesNotEndWith(" ");
        assertThat(TextBeginning.of("The harbour reopened", 15)).isEqualTo("The harbour");
    }

    @Test
    void oneTokenLongerThanTheBoundIsCutWithoutSplittingACharacter() {
        String text = "x" + "\uD83D\uDE00".repeat(100_000);

        String beginning = TextBeginning.of(text, 100_000);

        assertThat(beginning).hasSize(100_000 - 1);
        assertThat(Character.isHighSurrogate(beginning.charAt(beginning.length() - 1))).isFalse();
    }
}
