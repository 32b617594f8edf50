package io.newsdesk.story;

import io.newsdesk.embedding.Vectors;
import io.newsdesk.text.Mentions;
import io.newsdesk.text.SentenceSplitter;
import io.newsdesk.text.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evidence that two different texts report the same event, as a few explainable numbers for
 * {@link SameStoryModel}. What one side says is looked up in the other from the SHORTER side (fewer words), so a
 * two-sentence brief is judged by whether its names, figures and key sentence are in the full article, and a
 * follow-up is caught by the figures and rare names it brings that the other text lacks. Pure; thread-safe.
 *
 * <p>Names are {@link Mentions#phrases() phrases} ("Craig Venter" one mention, matched to "Venter"); a phrase is
 * rare unless {@link Mentions#isCommon} (fixed list of common news names, or every word also written in lower case
 * by either text). No corpus statistics are used.
 *
 * @param cosine          cosine of the story embeddings (title + lead, {@code StoryEmbedder}); 0 when one is missing
 * @param sentenceMax     the best cosine between a sentence unit of the shorter side and one of the longer side
 *                        (units: {@link #sentencesToEmbed}); the story cosine when a side has no sentence vectors
 * @param sentenceTop2    the mean of the two best shorter-side units' best cosines (one unit: its best cosine)
 * @param headline        the larger, over both sides, share of a side's headline words (title, else first sentence;
 *                        words of 4+ characters) found anywhere in the other side
 * @param nameJaccard     weighted Jaccard of the two name-word distributions (each word's share of its side's mentions)
 * @param nameContainment share of the shorter side's distinct name phrases matched in the longer one, smoothed as
 *                        shared / (phrases + 1): no names at all is no evidence, 0; one of one is 0.5
 * @param rareContainment the same share over the shorter side's rare phrases only
 * @param rareNames       ln(1 + rare phrases of the shorter side matched in the longer)
 * @param novelNames      share of the shorter side's rare phrases NOT in the longer: absent / (rare + 1)
 * @param numbers         share of the shorter side's figures and dates also in the longer, smoothed as above
 * @param novelFacts      share of the shorter side's figures and dates NOT in the longer: absent / (facts + 1)
 * @param lengthRatio     ln(words of the longer text / words of the shorter)
 * @param containmentXLength nameContainment x lengthRatio: containment tells more when one side is much shorter
 * @param sentenceXLength sentenceMax x lengthRatio: a brief's key sentence found in the article
 * @param hoursApart      ln(1 + hours between the publication times); a missing time counts as {@link #WINDOW}
 * @param sharedNames     the matched phrases as the longer side writes them, rare ones first (for the explanation)
 * @param sharedNumbers   the shared figures and dates as first written (for the explanation)
 * @param novelShown      the shorter side's rare names and figures absent from the longer (for the explanation)
 * @param apart           the time between the publications, or null when one is missing
 * @param sharedFigures   how many of the shared facts are figures or dates with a day: not a weekday or a month
 *                        alone, which most articles of a week share
 */
public record SameStoryFeatures(double cosine, double sentenceMax, double sentenceTop2, double headline,
        double nameJaccard, double nameContainment, double rareContainment, double rareNames, double novelNames,
        double numbers, double novelFacts, double lengthRatio, double containmentXLength, double sentenceXLength,
        double hoursApart, List<String> sharedNames,
        List<String> sharedNumbers, List<String> novelShown, Duration apart, int sharedFigures) {

    /** Whether the shorter side shares a rare name or a figure with the longer: evidence beyond wording. */
    public boolean sharesEvidence() {
        return rareNames > 0 || !sharedNumbers.isEmpty();
    }

    /** Whether the sides share a figure or more than one rare name: evidence that does not need the wording's. */
    public boolean sharesAFigureOrTwoNames() {
        return sharedFigures > 0 || Math.round(Math.expm1(rareNames)) >= 2;
    }

    /** The feature names, in the order of {@link #vector()}: the keys of the model's weights. */
    public static final List<String> NAMES = List.of("cosine", "sentenceMax", "sentenceTop2", "headline",
            "nameJaccard", "nameContainment", "rareContainment", "rareNames", "novelNames", "numbers", "novelFacts",
            "lengthRatio", "containmentXLength", "sentenceXLength", "hoursApart");

    /** The time a missing publication time counts as: the candidate window of story assignment. */
    public static final Duration WINDOW = Duration.ofDays(3);

    /**
     * The most sentence units embedded per article (cost: one MiniLM batch of at most this many short segments at
     * ingest, about as much as the extractive summary's, and 12 x 384 floats stored per article).
     */
    public static final int MAX_SENTENCES = 12;

    /** A text of at most this many sentences is also embedded whole (a brief). */
    public static final int WHOLE_TEXT_SENTENCES = 3;

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final int MIN_HEADLINE_WORD = 4;

    /**
     * The texts whose embeddings {@link Side#of(String, String, float[], Instant, List)} takes, in this order: the
     * whole text when it has at most {@value #WHOLE_TEXT_SENTENCES} sentences, then its first sentences, at most
     * {@value #MAX_SENTENCES} units in all. The title is not a unit (it is in the story embedding).
     */
    public static List<String> sentencesToEmbed(String text) {
        List<String> sentences = SPLITTER.split(text == null ? "" : text);
        List<String> units = new ArrayList<>();
        if (sentences.size() > 1 && sentences.size() <= WHOLE_TEXT_SENTENCES) {
            units.add(String.join(" ", sentences));
        }
        for (String sentence : sentences) {
            if (units.size() >= MAX_SENTENCES) {
                break;
            }
            units.add(sentence);
        }
        return units;
    }

    /**
     * One article as the features see it; build with {@link #of}, once per article.
     *
     * @param embedding   story embedding, may be null
     * @param sentences   unit-length embeddings of {@link #sentencesToEmbed}, may be empty
     * @param publishedAt may be null
     * @param mentions    names, phrases, numbers and dates of title and text
     * @param headline    the words (4+ characters) of the title, else of the first sentence
     * @param words       all distinct words of title and text
     * @param length      number of words of the text
     * @param casedScript whether the text is written in a script with capital letters ({@link Mentions#isCasedScript}),
     *                    where the name features mean something
     */
    public record Side(float[] embedding, List<float[]> sentences, Instant publishedAt, Mentions mentions,
            Set<String> headline, Set<String> words, int length, boolean casedScript) {

        /** A side without sentence vectors: the sentence features fall back to the story cosine. */
        public static Side of(String title, String text, float[] embedding, Instant publishedAt) {
            return of(title, text, embedding, publishedAt, List.of());
        }

        /**
         * @param sentenceVectors embeddings of {@link SameStoryFeatures#sentencesToEmbed(String)} of {@code text}
         *                        (computed by the caller, e.g. at ingest), in that order; null or empty if none
         */
        public static Side of(String title, String text, float[] embedding, Instant publishedAt,
                List<float[]> sentenceVectors) {
            return of(title, text, embedding, publishedAt, sentenceVectors, null);
        }

        /** @param mentions {@link Mentions#of(String, String)} of title and text, read already; null to read them */
        static Side of(String title, String text, float[] embedding, Instant publishedAt,
                List<float[]> sentenceVectors, Mentions mentions) {
            String body = text == null ? "" : text;
            boolean hasTitle = title != null && !title.isBlank();
            List<String> sentences = hasTitle ? List.of() : SPLITTER.split(body);
            String headline = hasTitle ? title : sentences.isEmpty() ? "" : sentences.get(0);
            Set<String> headlineWords = new HashSet<>();
            for (String w : Words.tokenize(headline)) {
                if (w.length() >= MIN_HEADLINE_WORD) {
                    headlineWords.add(w);
                }
            }
            List<String> bodyWords = Words.tokenize(body);
            Set<String> words = new HashSet<>(bodyWords);
            words.addAll(Words.tokenize(title));
            List<float[]> units = new ArrayList<>();
            if (sentenceVectors != null) {
                for (float[] v : sentenceVectors.subList(0, Math.min(MAX_SENTENCES, sentenceVectors.size()))) {
                    units.add(Vectors.unit(v));
                }
            }
            return new Side(embedding, List.copyOf(units), publishedAt,
                    mentions != null ? mentions : Mentions.of(title, body),
                    Set.copyOf(headlineWords), Set.copyOf(words), bodyWords.size(), Mentions.isCasedScript(body));
        }
    }

    /** The length a side is measured by: the number of words of its text. */
    public static int wordCount(String text) {
        return Words.count(text);
    }

    /**
     * The smallest and largest value each feature (in the order of {@link #NAMES}) can take for a pair of which only
     * the story cosine, the lengths and the time apart are known: everything names and figures could add, at worst
     * and at best. {@code high} of {@code rareNames} is unbounded.
     */
    public static Range range(double cosine, int wordsA, int wordsB, Duration apart) {
        double lengthRatio = lengthRatio(wordsA, wordsB);
        double hours = Math.log1p((apart == null ? WINDOW : apart).toMinutes() / 60.0);
        return new Range(
                new double[] {cosine, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, lengthRatio, 0, -lengthRatio, hours},
                new double[] {cosine, 1, 1, 1, 1, 1, 1, Double.POSITIVE_INFINITY, 1, 1, 1, lengthRatio, lengthRatio,
                        lengthRatio, hours});
    }

    /** Per feature (in the order of {@link #NAMES}) the smallest and the largest value it can take. */
    public record Range(double[] low, double[] high) {
    }

    private static double lengthRatio(int wordsA, int wordsB) {
        return Math.log((Math.max(wordsA, wordsB) + 1.0) / (Math.min(wordsA, wordsB) + 1.0));
    }

    /** The features of a pair; symmetric in {@code a} and {@code b} (ties in length are broken by content). */
    public static SameStoryFeatures of(Side a, Side b) {
        boolean aShorter = a.length() < b.length() || (a.length() == b.length()
                && a.mentions().phrases().size() <= b.mentions().phrases().size());
        Side shorter = aShorter ? a : b;
        Side longer = aShorter ? b : a;
        double cosine = a.embedding() == null || b.embedding() == null ? 0
                : Vectors.cosine(a.embedding(), b.embedding());
        double headline = Math.max(share(a.headline(), b.words()), share(b.headline(), a.words()));

        Mentions ms = shorter.mentions();
        Mentions ml = longer.mentions();
        List<String> rareShared = new ArrayList<>();
        List<String> commonShared = new ArrayList<>();
        List<String> novel = new ArrayList<>();
        int rare = 0;
        int matchedPhrases = 0;
        for (String phrase : ms.phrases().keySet()) {
            boolean isRare = !Mentions.isCommon(phrase, ms, ml);
            rare += isRare ? 1 : 0;
            String match = null;
            for (String other : ml.phrases().keySet()) {
                if (Mentions.matches(phrase, other)) {
                    match = other;
                    break;
                }
            }
            if (match != null) {
                matchedPhrases++;
                String shown = ml.phrases().get(match);
                List<String> to = isRare ? rareShared : commonShared;
                if (!to.contains(shown)) {
                    to.add(shown);
                }
            } else if (isRare) {
                novel.add(ms.phrases().get(phrase));
            }
        }
        int rareMatched = rare - novel.size();
        List<String> sharedNamesShown = new ArrayList<>(rareShared);
        sharedNamesShown.addAll(commonShared);

        Map<String, String> factsShort = facts(ms);
        Map<String, String> factsLong = facts(ml);
        List<String> sharedFacts = new ArrayList<>();
        List<String> novelFacts = new ArrayList<>();
        int factsCounted = 0;
        int sharedFigures = 0;
        for (Map.Entry<String, String> fact : factsShort.entrySet()) {
            String key = fact.getKey();
            boolean shared = factsLong.containsKey(key);
            // A figure in words ("ten years", "twelve months") is mostly a manner of speaking: no new fact when the
            // other text lacks it, no shared one when both write it so; in words on one side and in digits on the
            // other it is a shared figure.
            if (ms.isInWords(key) && (!shared || ml.isInWords(key))) {
                continue;
            }
            (shared ? sharedFacts : novelFacts).add(fact.getValue());
            factsCounted++;
            sharedFigures += shared && (!key.startsWith(DATE) || key.chars().anyMatch(Character::isDigit)) ? 1 : 0;
        }
        List<String> novelShown = new ArrayList<>(novel);
        novelShown.addAll(novelFacts);

        double[] sentence = sentenceMatch(shorter, longer, cosine);

        Duration apart = a.publishedAt() == null || b.publishedAt() == null ? null
                : Duration.between(a.publishedAt(), b.publishedAt()).abs();
        double hours = (apart == null ? WINDOW : apart).toMinutes() / 60.0;
        double lengthRatio = lengthRatio(longer.length(), shorter.length());
        double containment = smoothedShare(matchedPhrases, ms.phrases().size());
        return new SameStoryFeatures(cosine, sentence[0], sentence[1], headline, weightedJaccard(ms, ml),
                containment, smoothedShare(rareMatched, rare), Math.log1p(rareMatched), novel.size() / (rare + 1.0),
                smoothedShare(sharedFacts.size(), factsCounted), novelFacts.size() / (factsCounted + 1.0),
                lengthRatio, containment * lengthRatio, sentence[0] * lengthRatio, Math.log1p(hours), List.copyOf(sharedNamesShown), List.copyOf(sharedFacts),
                List.copyOf(novelShown), apart, sharedFigures);
    }

    /** The feature values in the order of {@link #NAMES}. */
    public double[] vector() {
        return new double[] {cosine, sentenceMax, sentenceTop2, headline, nameJaccard, nameContainment,
                rareContainment, rareNames, novelNames, numbers, novelFacts, lengthRatio, containmentXLength, sentenceXLength,
                hoursApart};
    }

    /** {best unit match, mean of the two best shorter-side units}; the story cosine when vectors are missing. */
    private static double[] sentenceMatch(Side shorter, Side longer, double cosine) {
        if (shorter.sentences().isEmpty() || longer.sentences().isEmpty()) {
            return new double[] {cosine, cosine};
        }
        double first = -1;
        double second = -1;
        for (float[] s : shorter.sentences()) {
            double best = -1;
            for (float[] l : longer.sentences()) {
                best = Math.max(best, Vectors.dot(s, l));
            }
            if (best > first) {
                second = first;
                first = best;
            } else if (best > second) {
                second = best;
            }
        }
        return new double[] {first, second < -0.5 ? first : (first + second) / 2};
    }

    /** Figures and dates of one side: key to the form first written. */
    private static final String DATE = "date:";

    private static Map<String, String> facts(Mentions m) {
        Map<String, String> facts = new LinkedHashMap<>(m.numbers());
        for (String date : m.dates()) {
            facts.putIfAbsent(DATE + date, date);
        }
        return facts;
    }

    private static double share(Set<String> part, Set<String> whole) {
        if (part.isEmpty()) {
            return 0;
        }
        return part.stream().filter(whole::contains).count() / (double) part.size();
    }

    private static double smoothedShare(int shared, int of) {
        return shared / (of + 1.0);
    }

    private static double weightedJaccard(Mentions a, Mentions b) {
        double totalA = a.nameMentions();
        double totalB = b.nameMentions();
        if (totalA == 0 || totalB == 0) {
            return 0;
        }
        Set<String> keys = new HashSet<>(a.names().keySet());
        keys.addAll(b.names().keySet());
        double min = 0;
        double max = 0;
        for (String key : keys) {
            double pa = a.names().getOrDefault(key, 0) / totalA;
            double pb = b.names().getOrDefault(key, 0) / totalB;
            min += Math.min(pa, pb);
            max += Math.max(pa, pb);
        }
        return min / max;
    }
}
