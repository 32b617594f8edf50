package io.newsdesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import io.newsdesk.text.Mentions;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The features on a hand-written article, a two-sentence brief of it, and a story about the same company and
 * people but another event. The embeddings are held equal for the brief and the other story, so the difference
 * comes from what the texts name.
 */
class SameStoryFeaturesTest {

    private static final Instant AT = Instant.parse("2024-05-02T09:00:00Z");

    static final String ARTICLE = """
            Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to \
            December, from $639m year-earlier. The firm, which is now one of the biggest investors in Google, \
            benefited from sales of high-speed internet connections and higher advert sales. TimeWarner said \
            fourth quarter sales rose 2% to $11.1bn from $10.9bn. Its profits were buoyed by one-off gains which \
            offset a profit dip at Warner Bros, and fewer users for AOL. Chief executive Richard Parsons said the \
            results showed the strength of the group.""";

    static final String BRIEF = "TimeWarner's quarterly profit rose 76% to $1.13bn, helped by its stake in Google. "
            + "AOL lost subscribers, Richard Parsons said.";

    static final String OTHER_EVENT = "TimeWarner is to cut 600 jobs at AOL in Virginia, chief executive Jonathan "
            + "Miller said on Tuesday. The unit will move its call centres to India.";

    private static final float[] E1 = {1, 0, 0};
    private static final float[] E2 = {0.8f, 0.6f, 0};

    static SameStoryFeatures.Side side(String title, String text, float[] embedding, Instant at) {
        return SameStoryFeatures.Side.of(title, text, embedding, at);
    }

    @Test
    void anArticlesSideTakesTheMentionsReadAtIngestInsteadOfReadingItsTextAgain() {
        Mentions readAtIngest = Mentions.of("TimeWarner profits", ARTICLE);

        SameStoryFeatures.Side side = SameStoryFeatures.Side.of("TimeWarner profits", ARTICLE, E1, AT, List.of(),
                readAtIngest);

        assertThat(side.mentions()).isSameAs(readAtIngest);
        assertThat(side.mentions()).isEqualTo(side("TimeWarner profits", ARTICLE, E1, AT).mentions());
        assertThat(SameStoryFeatures.of(side, side(null, BRIEF, E2, AT)))
                .isEqualTo(SameStoryFeatures.of(side("TimeWarner profits", ARTICLE, E1, AT), side(null, BRIEF, E2, AT)));
    }

    static SameStoryModel model() {
        Properties p = new Properties();
        SameStoryFeatures.NAMES.forEach(name -> p.setProperty("weight." + name, "0"));
        p.setProperty("weight.cosine", "6");
        p.setProperty("weight.headline", "4");
        p.setProperty("weight.nameContainment", "5");
        p.setProperty("weight.rareNames", "0.5");
        p.setProperty("weight.numbers", "3");
        p.setProperty("weight.novelFacts", "-3");
        p.setProperty("weight.novelNames", "-3");
        p.setProperty("weight.hoursApart", "-0.5");
        p.setProperty("bias", "-12");
        p.setProperty("threshold", "0.8");
        p.setProperty("ask-from", "0.2");
        return SameStoryModel.from(p);
    }

    @Test
    void aBriefOfTheArticleScoresAboveADifferentEventOfTheSameCompany() {
        var article = side("Ad sales boost Time Warner profit", ARTICLE, E1, AT);
        var brief = side(null, BRIEF, E2, AT.plus(Duration.ofHours(5)));
        var other = side(null, OTHER_EVENT, E2, AT.plus(Duration.ofHours(5)));

        SameStoryFeatures same = SameStoryFeatures.of(article, brief);
        SameStoryFeatures different = SameStoryFeatures.of(article, other);

        assertThat(same.cosine()).isEqualTo(different.cosine());
        assertThat(same.nameContainment()).isGreaterThan(different.nameContainment());
        assertThat(same.numbers()).isGreaterThan(different.numbers());
        assertThat(same.sharedNumbers()).contains("$1.13bn", "76%");
        assertThat(same.sharedNames()).contains("Google", "Richard Parsons");
        assertThat(same.novelFacts()).isLessThan(different.novelFacts());
        assertThat(same.novelNames()).isLessThan(different.novelNames());
        assertThat(different.novelShown()).contains("Jonathan Miller", "600");
        assertThat(model().probability(same)).isGreaterThan(model().probability(different));
    }

    @Test
    void aSurnameMatchesTheFullNameAndCommonNamesAreNotRare() {
        var article = side(null, "Scientists said Craig Venter and Celera Genomics had finished the map. Venter "
                + "spoke in London on Friday.", E1, AT);
        var brief = side(null, "The map is done, Mr Venter told reporters in London.", E1, AT);

        SameStoryFeatures f = SameStoryFeatures.of(article, brief);

        assertThat(f.sharedNames()).containsExactly("Craig Venter", "London");
        assertThat(f.rareNames()).isCloseTo(Math.log1p(1), within(1e-9));
        assertThat(f.nameContainment()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(f.sharesEvidence()).isTrue();
    }

    @Test
    void theSentenceMatchIsTheBestUnitCosineFromTheShorterSide() {
        assertThat(SameStoryFeatures.sentencesToEmbed("One. Two here. Three now.")).containsExactly(
                "One. Two here. Three now.", "One.", "Two here.", "Three now.");
        assertThat(SameStoryFeatures.sentencesToEmbed("A long one. ".repeat(20)))
                .hasSize(SameStoryFeatures.MAX_SENTENCES);
        var article = SameStoryFeatures.Side.of(null, ARTICLE, E1, AT,
                java.util.List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {0, 0, 1}));
        var brief = SameStoryFeatures.Side.of(null, BRIEF, E2, AT,
                java.util.List.of(new float[] {0, 0.6f, 0.8f}, new float[] {0, 0, 2}));
        var noVectors = side(null, BRIEF, E2, AT);

        SameStoryFeatures f = SameStoryFeatures.of(article, brief);

        assertThat(f.sentenceMax()).isCloseTo(1.0, within(1e-6));
        assertThat(f.sentenceTop2()).isCloseTo(0.9, within(1e-6));
        assertThat(SameStoryFeatures.of(article, noVectors).sentenceMax()).isCloseTo(0.8, within(1e-6));
    }

    @Test
    void theFeaturesAreSymmetric() {
        var article = side("Ad sales boost Time Warner profit", ARTICLE, E1, AT);
        var brief = side(null, BRIEF, E2, AT.plus(Duration.ofHours(5)));

        assertThat(SameStoryFeatures.of(article, brief).vector()).containsExactly(
                SameStoryFeatures.of(brief, article).vector());
    }

    @Test
    void timeLengthAndMissingValuesAreOnTheirDocumentedScales() {
        var article = side(null, ARTICLE, E1, AT);
        var brief = side(null, BRIEF, null, null);

        SameStoryFeatures f = SameStoryFeatures.of(article, brief);

        assertThat(f.cosine()).isZero();
        assertThat(f.apart()).isNull();
        assertThat(f.hoursApart()).isCloseTo(Math.log1p(72), within(1e-9));
        assertThat(f.lengthRatio()).isGreaterThan(1);
        SameStoryFeatures nameless = SameStoryFeatures.of(side(null, "No names here at all.", E1, AT),
                side(null, "Nor here, not one.", E1, AT));
        assertThat(nameless.nameContainment()).isZero();
        assertThat(nameless.sharesEvidence()).isFalse();
    }

    @Test
    void aFigureInWordsIsSharedWithTheSameFigureInDigitsAndNoNewFactWhenTheOtherTextLacksIt() {
        SameStoryFeatures.Side source = side("Sundance", "Forty-two films will debut at Sundance, founded by Robert "
                + "Redford, during its 20-30 January season in Utah.", E1, AT);

        SameStoryFeatures retold = SameStoryFeatures.of(source, side(null, "Sundance, which Robert Redford founded, "
                + "hosts 42 debuts Jan. 20-30 in Utah.", E1, AT));
        SameStoryFeatures aside = SameStoryFeatures.of(source, side(null, "Sundance, which Robert Redford founded "
                + "twelve years before, hosts its debuts in Utah.", E1, AT));
        SameStoryFeatures digits = SameStoryFeatures.of(source, side(null, "Sundance, which Robert Redford founded "
                + "12 years before, hosts its debuts in Utah.", E1, AT));

        assertThat(retold.sharedNumbers()).contains("42", "january 20", "january 30");
        assertThat(retold.novelFacts()).isZero();
        assertThat(aside.novelFacts()).isZero();
        assertThat(digits.novelShown()).contains("12");
        assertThat(digits.novelFacts()).isPositive();
        SameStoryFeatures bothInWords = SameStoryFeatures.of(side("Sundance", "Sundance ran for ten days in Utah.",
                E1, AT), side(null, "Sundance took ten days.", E1, AT));
        assertThat(bothInWords.sharedNumbers()).isEmpty();
    }
}
