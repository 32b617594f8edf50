package io.newsdesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SameStoryModelTest {

    private static final Instant AT = Instant.parse("2024-05-02T09:00:00Z");

    @Test
    void theModelOnTheClassPathHasAWeightPerFeatureAndAThresholdAboveTheBand() {
        SameStoryModel model = SameStoryModel.load();

        assertThat(model.weights()).hasSize(SameStoryFeatures.NAMES.size());
        assertThat(model.threshold()).isBetween(model.askFrom(), 1.0);
        assertThat(model.weights()[SameStoryFeatures.NAMES.indexOf("cosine")]).isPositive();
        assertThat(model.weights()[SameStoryFeatures.NAMES.indexOf("hoursApart")]).isZero();
        assertThat(model.weights()[SameStoryFeatures.NAMES.indexOf("novelFacts")]).isNotPositive();
    }

    @Test
    void theProbabilityIsTheSigmoidOfTheWeightedFeatures() {
        SameStoryModel model = SameStoryFeaturesTest.model();
        var a = SameStoryFeaturesTest.side(null, SameStoryFeaturesTest.ARTICLE, new float[] {1, 0}, AT);
        var b = SameStoryFeaturesTest.side(null, SameStoryFeaturesTest.BRIEF, new float[] {1, 0}, AT);
        SameStoryFeatures f = SameStoryFeatures.of(a, b);
        double[] x = f.vector();
        double[] w = model.weights();
        double z = model.bias();
        for (int i = 0; i < x.length; i++) {
            z += w[i] * x[i];
        }

        assertThat(model.probability(f)).isEqualTo(1 / (1 + Math.exp(-z)));
        assertThat(model.isSameStory(f)).isEqualTo(model.probability(f) >= model.threshold());
    }

    @Test
    void theExplanationNamesTheSharedNamesFiguresCosineAndTime() {
        SameStoryModel model = SameStoryFeaturesTest.model();
        var a = SameStoryFeaturesTest.side("Ad sales boost Time Warner profit", SameStoryFeaturesTest.ARTICLE,
                new float[] {1, 0}, AT);
        var b = SameStoryFeaturesTest.side(null, SameStoryFeaturesTest.BRIEF, new float[] {0.8f, 0.6f},
                AT.plus(Duration.ofHours(5)));

        String reason = model.explain(SameStoryFeatures.of(a, b));

        assertThat(reason).startsWith("same names: ").contains("Google", "figures: ", "76%", "$1.13bn",
                "embedding cosine 0.80", "5 h apart", "→ p ");
    }

    @Test
    void aPairWithNothingInCommonSaysSo() {
        SameStoryModel model = SameStoryFeaturesTest.model();
        var a = SameStoryFeaturesTest.side(null, "Rain fell on the hills.", new float[] {1, 0}, AT);
        var b = SameStoryFeaturesTest.side(null, "Prices rose again.", new float[] {0, 1}, AT);

        assertThat(model.explain(SameStoryFeatures.of(a, b)))
                .startsWith("no shared names; no shared figures; embedding cosine 0.00; 0 h apart → p ");
    }

    @Test
    void oneSharedNameAndNoFigureMakeTheSameStoryOnlyWithWordingMoreAlikeThanUnrelatedArticles() {
        Properties p = new Properties();
        SameStoryFeatures.NAMES.forEach(name -> p.setProperty("weight." + name, "0"));
        p.setProperty("bias", "12"); // p near 1 for any pair: only the evidence rules decide
        p.setProperty("threshold", "0.9");
        p.setProperty("ask-from", "0.5");
        p.setProperty(SameStoryModel.ONE_NAME_MIN_COSINE, "0.4");
        SameStoryModel model = SameStoryModel.from(p);
        var article = SameStoryFeaturesTest.side(null, "On Tuesday the geneticist Craig Venter of Celera spoke to "
                + "4,500 people about genomes.", new float[] {1, 0}, AT);
        float[] unrelatedWording = {0.2f, 0.98f};
        float[] alikeWording = {0.8f, 0.6f};

        SameStoryFeatures oneName = SameStoryFeatures.of(article,
                SameStoryFeaturesTest.side(null, "A talk by Venter drew a crowd.", unrelatedWording, AT));
        SameStoryFeatures twoNames = SameStoryFeatures.of(article,
                SameStoryFeaturesTest.side(null, "A talk by Venter of Celera drew a crowd.", unrelatedWording, AT));
        SameStoryFeatures aFigure = SameStoryFeatures.of(article,
                SameStoryFeaturesTest.side(null, "A talk by Venter drew 4,500 people.", unrelatedWording, AT));
        SameStoryFeatures oneNameAndAWeekday = SameStoryFeatures.of(article, SameStoryFeaturesTest.side(null,
                "On Tuesday a talk by Venter drew a crowd.", unrelatedWording, AT));
        SameStoryFeatures oneNameAlike = SameStoryFeatures.of(article,
                SameStoryFeaturesTest.side(null, "A talk by Venter drew a crowd.", alikeWording, AT));

        assertThat(oneName.sharesEvidence()).isTrue();
        assertThat(model.isSameStory(oneName)).isFalse();
        assertThat(model.isUncertain(oneName)).isTrue();
        assertThat(oneNameAndAWeekday.sharedNumbers()).containsExactly("tuesday");
        assertThat(model.isSameStory(oneNameAndAWeekday)).isFalse();
        assertThat(model.isSameStory(twoNames)).isTrue();
        assertThat(model.isSameStory(aFigure)).isTrue();
        assertThat(model.isSameStory(oneNameAlike)).isTrue();
        assertThat(SameStoryModel.load().oneNameMinCosine()).isBetween(0.2, 0.6);
    }

    @Test
    void incompletePropertiesAreRejected() {
        Properties p = new Properties();
        p.setProperty("bias", "1");

        assertThatThrownBy(() -> SameStoryModel.from(p)).hasMessageContaining("weight.cosine");
    }
}
