package io.newsdesk.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MentionKeysTest {

    @Test
    void aBriefAndItsArticleShareTheKeysOfTheNamesTheyBothWrite() {
        long[] article = MentionKeys.of("Genome pioneer honoured", """
                Scientist Craig Venter received the award in Lancashire on Tuesday. The police said the ceremony \
                was calm, and Venter thanked Celera Genomics.""");
        long[] brief = MentionKeys.of("Venter honoured", "Craig Venter was honoured by the society.");

        assertThat(brief).isNotEmpty();
        assertThat(Arrays.stream(brief).filter(key -> Arrays.stream(article).anyMatch(k -> k == key)).count())
                .isGreaterThanOrEqualTo(2); // "craig", "venter"
    }

    @Test
    void wordsTheTextAlsoWritesInLowerCaseAreNoKeys() {
        long[] withPolice = MentionKeys.of(null, "Officers of Police Scotland closed the road. The police said it "
                + "would reopen soon.");
        assertThat(withPolice).hasSize(1).isEqualTo(MentionKeys.of(null, "Officers in Scotland closed the road."));
    }

    @Test
    void keysAreStableAndBounded() {
        String manyNames = IntStream.range(0, 60).mapToObj(i -> "Then Name" + (char) ('A' + i % 26) + (char) ('a' + i / 26)
                + " spoke.").collect(Collectors.joining(" "));

        assertThat(MentionKeys.of("A title", manyNames)).hasSize(MentionKeys.MAX)
                .isEqualTo(MentionKeys.of("A title", manyNames));
    }
}
