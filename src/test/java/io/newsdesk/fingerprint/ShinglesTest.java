package io.newsdesk.fingerprint;

import io.newsdesk.testing.Texts;

import io.newsdesk.fingerprint.TextNormalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShinglesTest {

    @Test
    void normalizesUnicodeCaseAndWhitespace() {
        assertThat(TextNormalizer.normalize("  The\u00A0Quick\n\n\tBROWN  ﬁsh ")).isEqualTo("the quick brown fish");
        assertThat(TextNormalizer.exactHash("The quick  brown fox.")).isEqualTo(TextNormalizer.exactHash("the QUICK\nbrown fox."))
                .isNotEqualTo(TextNormalizer.exactHash("the quick brown fox!"));
        assertThat(TextNormalizer.normalize(null)).isEmpty();
    }

    @Test
    void wordsDropPunctuationAndQuotes() {
        assertThat(TextNormalizer.words("“Don’t panic,” she said - it's 5.30pm."))
                .containsExactly("don", "t", "panic", "she", "said", "it", "s", "5", "30pm");
    }

    @Test
    void wordShinglesAreRunsOfConsecutiveWords() {
        long[] six = Shingles.words(5).of("one two three four five six");
        assertThat(six).hasSize(2).isSorted();
        assertThat(Shingles.words(5).of("One, two; THREE four five!")).hasSize(1)
                .containsExactly(Shingles.words(5).of("one two three four five")[0]);
        assertThat(Shingles.words(5).of("too short")).hasSize(1);
        assertThat(Shingles.words(5).of(" ... ")).isEmpty();
        assertThat(Shingles.words(5).of("a b c d e a b c d e")).hasSize(5); // distinct: abcde bcdea cdeab deabc eabcd
    }

    @Test
    void wordOrderMattersToShinglesButNotToTheirSet() {
        assertThat(Shingles.words(2).of("a b c")).isNotEqualTo(Shingles.words(2).of("c b a"));
        assertThat(Shingles.words(1).of("a b c")).isEqualTo(Shingles.words(1).of("c b a"));
    }

    @Test
    void charShinglesSpanWordsJoinedBySingleSpaces() {
        assertThat(Shingles.chars(3).of("ab, cd")).hasSize(3); // "ab ", "b c", " cd"
        assertThat(Shingles.chars(3).of("AB   cd")).isEqualTo(Shingles.chars(3).of("ab, cd"));
        assertThat(Shingles.chars(9).of("ab")).hasSize(1);
    }

    @Test
    void shinglesAreDeterministicAcrossInstances() {
        assertThat(Shingles.words(5).of(Texts.FERRY)).isEqualTo(new Shingles(Shingles.Kind.WORDS, 5).of(Texts.FERRY));
        assertThat(Shingles.DEFAULT).isEqualTo(Shingles.words(5));
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> Shingles.words(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
