package io.newsdesk.story;

import io.newsdesk.fingerprint.Resemblance;
import io.newsdesk.fingerprint.TextFingerprint;
import io.newsdesk.testing.Texts;
import io.newsdesk.fingerprint.TextNormalizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.extract.ArticleCleaner;
import io.newsdesk.story.DevSet.CopyType;
import io.newsdesk.story.DevSet.DevArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The copy generators of the development set, on invented texts. */
class DevSetTest {

    private static final Instant AT = Instant.parse("2005-02-14T06:00:00Z");
    private static final DevArticle FERRY = new DevArticle("t/1", "Ferry runs aground off Northport", Texts.FERRY,
            AT, CopyType.ORIGINAL, "t/1");
    private static final DevArticle BUDGET = new DevArticle("t/2", "Council approves budget with tax rise",
            Texts.BUDGET, AT, CopyType.ORIGINAL, "t/2");

    @Test
    void generationIsDeterministicForASeed() {
        for (CopyType type : List.of(CopyType.CHROME, CopyType.MIXED, CopyType.TYPOS)) {
            DevArticle a = DevSet.generator(5).copy(FERRY, type, List.of(BUDGET));
            DevArticle b = DevSet.generator(5).copy(FERRY, type, List.of(BUDGET));
            assertThat(a).isEqualTo(b);
            assertThat(a.id()).isEqualTo("t/1#" + type.name().toLowerCase());
            assertThat(a.sourceId()).isEqualTo("t/1");
            assertThat(a.publishedAt()).isBetween(AT, AT.plusSeconds(48 * 3600));
        }
    }

    @Test
    void cutShortKeepsAPrefixEndingAtASentence() {
        DevSet generator = DevSet.generator(1);
        for (double fraction : new double[] {0.4, 0.6, 0.8}) {
            String cut = generator.cutShort(Texts.FERRY, fraction);
            assertThat(Texts.FERRY).startsWith(cut);
            assertThat(cut).matches("(?s).*[.!?\"]$");
            double share = (double) TextNormalizer.words(cut).size() / TextNormalizer.words(Texts.FERRY).size();
            assertThat(share).isBetween(fraction, fraction + 0.2);
        }
    }

    @Test
    void typosSwapLettersInAboutTheRequestedShareOfWords() {
        String typos = DevSet.generator(2).typos(Texts.FERRY, 0.1);
        List<String> before = TextNormalizer.words(Texts.FERRY);
        List<String> after = TextNormalizer.words(typos);
        assertThat(after).hasSameSizeAs(before);
        long changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed++;
                char[] x = before.get(i).toCharArray();
                char[] y = after.get(i).toCharArray();
                java.util.Arrays.sort(x);
                java.util.Arrays.sort(y);
                assertThat(y).isEqualTo(x);
            }
        }
        long eligible = before.stream().filter(w -> w.length() >= 4).count();
        assertThat((double) changed / eligible).isBetween(0.04, 0.16);
    }

    @Test
    void editingDropsASentenceAndSubstitutesWords() {
        String edited = DevSet.generator(3).edit(Texts.FERRY, 3);
        SentenceCounts counts = new SentenceCounts(edited);
        assertThat(counts.sentences).isEqualTo(new SentenceCounts(Texts.FERRY).sentences - 1);
        assertThat(edited).containsAnyOf("stated", "additionally", "however", "company", "anticipated");
        assertThat(TextFingerprint.of(edited).resemblance(TextFingerprint.of(Texts.FERRY)).maxContainment())
                .isBetween(0.75, 0.99);
    }

    @Test
    void chromeWrappedCopiesAreCleanedBackToTheArticle() {
        DevArticle copy = DevSet.generator(4).copy(FERRY, CopyType.CHROME, List.of(BUDGET));
        assertThat(copy.body()).contains(Texts.FERRY.strip()).isNotEqualTo(Texts.FERRY);
        String cleaned = new ArticleCleaner().clean(copy.title(), copy.body(), null).text();
        Resemblance r = TextFingerprint.of(cleaned).resemblance(TextFingerprint.of(Texts.FERRY));
        assertThat(r.containmentOfB()).isEqualTo(1.0);
    }

    @Test
    void retitledCopiesKeepTheBody() {
        DevArticle copy = DevSet.generator(6).copy(FERRY, CopyType.RETITLED, List.of(BUDGET));
        assertThat(copy.body()).isEqualTo(Texts.FERRY);
        assertThat(copy.title()).isNotEqualTo(FERRY.title());
    }

    private static final class SentenceCounts {
        final int sentences;

        SentenceCounts(String text) {
            sentences = new io.newsdesk.text.SentenceSplitter().split(text).size();
        }
    }
}
