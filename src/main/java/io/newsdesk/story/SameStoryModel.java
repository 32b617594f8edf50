package io.newsdesk.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Logistic model of "same event": p = σ(w·x + b) over {@link SameStoryFeatures#vector()}. The weights (on the raw
 * feature values), the decision threshold and the lower edge of the band worth asking an LLM about live in
 * {@value #RESOURCE}, written by {@code RetellingEvaluation --write-model} (src/eval/java). Immutable; thread-safe.
 *
 * @param weights   one weight per feature, in the order of {@link SameStoryFeatures#NAMES}
 * @param bias      the intercept
 * @param threshold p at and above which the pair is the same story, when the articles share a rare name or figure
 * @param askFrom   p at and above which a pair the model does not call the same story is uncertain: one for an LLM
 * @param oneNameMinCosine the story cosine a pair sharing one rare name and no figure (a weekday or a month alone
 *                  is none) needs to be the same story by
 *                  the model alone: the cosine that unrelated articles stay under (0.99 of them, for the embedding
 *                  model the weights were fitted with); below it the wording says nothing, and one shared name is
 *                  what many articles of a busy window have in common with a short brief
 */
public record SameStoryModel(double[] weights, double bias, double threshold, double askFrom,
        double oneNameMinCosine) {

    public static final String RESOURCE = "same-story-model.properties";
    public static final String ONE_NAME_MIN_COSINE = "one-name-min-cosine";

    private static final int MAX_NAMES_SHOWN = 4;
    private static final int MAX_NUMBERS_SHOWN = 3;

    public SameStoryModel {
        if (weights.length != SameStoryFeatures.NAMES.size()) {
            throw new IllegalArgumentException("expected " + SameStoryFeatures.NAMES.size() + " weights, got "
                    + weights.length);
        }
        if (!(askFrom <= threshold) || threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("need 0 <= askFrom <= threshold <= 1: " + askFrom + ", " + threshold);
        }
        weights = weights.clone();
    }

    /** This model with another uncertain band and threshold (configuration, or an evaluation's sweep). */
    public SameStoryModel withBand(double newAskFrom, double newThreshold) {
        return new SameStoryModel(weights, bias, newThreshold, newAskFrom, oneNameMinCosine);
    }

    /** The model of {@value #RESOURCE} on the class path. */
    public static SameStoryModel load() {
        try (InputStream in = SameStoryModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return from(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model of properties {@code weight.<feature>}, {@code bias}, {@code threshold}, {@code ask-from} and
     * {@code one-name-min-cosine} (0 when absent: a model file written before it).
     */
    public static SameStoryModel from(Properties properties) {
        List<String> names = SameStoryFeatures.NAMES;
        double[] weights = new double[names.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = number(properties, "weight." + names.get(i));
        }
        return new SameStoryModel(weights, number(properties, "bias"), number(properties, "threshold"),
                number(properties, "ask-from"),
                properties.containsKey(ONE_NAME_MIN_COSINE) ? number(properties, ONE_NAME_MIN_COSINE) : 0);
    }

    private static double number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + " in " + RESOURCE);
        }
        return Double.parseDouble(value.strip());
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The probability that the pair reports the same event. */
    public double probability(SameStoryFeatures features) {
        double[] x = features.vector();
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The largest probability a pair whose features lie in {@code range} can get: each feature at the end of its range
     * its weight favours.
     */
    public double maxProbability(SameStoryFeatures.Range range) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            double best = weights[i] > 0 ? range.high()[i] : range.low()[i];
            z += weights[i] == 0 ? 0 : weights[i] * best;
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Whether the model alone calls the pair the same story: p at or above the threshold, and something the two
     * articles report alike ({@link SameStoryFeatures#sharesEvidence}). Without a shared rare name or figure only
     * wording speaks for the pair, and a brief that names nothing resembles many articles: an LLM must decide. One
     * shared name and no figure is enough only with wording more alike than unrelated articles' ({@link
     * #oneNameMinCosine}).
     */
    public boolean isSameStory(SameStoryFeatures features) {
        return isSameStory(features, probability(features));
    }

    /** {@link #isSameStory(SameStoryFeatures)} with the probability already computed. */
    public boolean isSameStory(SameStoryFeatures features, double p) {
        return p >= threshold && features.sharesEvidence()
                && (features.cosine() >= oneNameMinCosine || features.sharesAFigureOrTwoNames());
    }

    /** Whether the pair is worth a second opinion: p from askFrom on, and not the same story by the model alone. */
    public boolean isUncertain(SameStoryFeatures features) {
        double p = probability(features);
        return p >= askFrom && !isSameStory(features, p);
    }

    /**
     * A one-line reason, such as "same names: Craig Venter, Celera; figures: 27%, $1.13bn; new in the shorter:
     * 2003; embedding cosine 0.81; best sentence match 0.78; 5 h apart → p 0.97".
     */
    public String explain(SameStoryFeatures features) {
        return explain(features, probability(features));
    }

    /** {@link #explain(SameStoryFeatures)} with the probability already computed. */
    public String explain(SameStoryFeatures features, double p) {
        StringBuilder reason = new StringBuilder();
        List<String> names = features.sharedNames();
        reason.append(names.isEmpty() ? "no shared names" : "same names: " + shown(names, MAX_NAMES_SHOWN));
        List<String> numbers = features.sharedNumbers();
        reason.append(numbers.isEmpty() ? "; no shared figures" : "; figures: " + shown(numbers, MAX_NUMBERS_SHOWN));
        if (!features.novelShown().isEmpty()) {
            reason.append("; new in the shorter: ").append(shown(features.novelShown(), MAX_NUMBERS_SHOWN));
        }
        reason.append(String.format(Locale.ROOT, "; embedding cosine %.2f", features.cosine()));
        if (features.sentenceMax() != features.cosine()) {
            reason.append(String.format(Locale.ROOT, "; best sentence match %.2f", features.sentenceMax()));
        }
        if (features.apart() != null) {
            reason.append("; ").append(features.apart().toHours()).append(" h apart");
        }
        return reason.append(String.format(Locale.ROOT, " → p %.2f", p)).toString();
    }

    private static String shown(List<String> items, int max) {
        String joined = String.join(", ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? joined + " (+" + (items.size() - max) + ")" : joined;
    }
}
