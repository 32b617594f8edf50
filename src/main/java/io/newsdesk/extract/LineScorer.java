package io.newsdesk.extract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Measures how much a line looks like page chrome rather than article prose. */
final class LineScorer {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’)\\]]*$");
    // "HomeMicro NewsPolitics": menu items whose separating markup was lost; short runs like "iPhone" do not count.
    private static final Pattern RUN_TOGETHER = Pattern.compile("\\p{Ll}{3}\\p{Lu}");
    // A domain label has at most 63 characters; the bound keeps a line-long hyphenated token from costing its square.
    private static final Pattern LINK = Pattern.compile(
            "https?://|www\\.|\\S@\\S|(?<![\\w-])[\\w-]{1,63}+\\.(com|org|net|news|info|io|gov)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("(^|\\s)[|›»·•/](\\s|$)");
    private static final Set<String> SMALL_WORDS = Set.of(
            "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from",
            "as", "vs", "its");
    // A label whose value was a link or a widget that the scrape lost, e.g. "Published on".
    private static final Set<String> DANGLING_ENDINGS = Set.of(
            "on", "by", "at", "in", "of", "for", "to", "from", "with", "the", "a", "an", "and", "or");
    private static final double NAVIGATION_DENSITY_WEIGHT = 8;

    private LineScorer() {
    }

    static ScoredLine score(String text, int paragraph) {
        List<String> words = words(text);
        boolean sentence = SENTENCE_END.matcher(text).find();
        double evidence = evidence(text, words, sentence) - proseCredit(words.size(), sentence);
        return new ScoredLine(text, paragraph, words.size(), sentence, evidence,
                evidence + shape(words, sentence));
    }

    /** Menu items, buttons and headings are short, unpunctuated and often Title Case. */
    private static double shape(List<String> words, boolean sentence) {
        double shape = words.size() <= 3 ? 2 : words.size() <= 6 ? 1 : 0;
        if (!sentence) {
            shape += 1 + (isTitleCase(words) ? 1 : 0);
        }
        return shape;
    }

    private static double evidence(String text, List<String> words, boolean sentence) {
        int wordCount = Math.max(1, words.size());
        double evidence = NAVIGATION_DENSITY_WEIGHT * ChromeVocabulary.navigationWords(text) / wordCount
                + 3 * ChromeVocabulary.chromePhrases(text)
                + Math.min(4, 2 * RUN_TOGETHER.matcher(text).results().count());
        if (LINK.matcher(text).find() || SEPARATOR.matcher(text).find() || text.contains("©")) {
            evidence += 2;
        }
        if (!sentence && isDanglingLabel(text, words)) {
            evidence += 3;
        }
        if (!sentence && words.size() <= 8 && text.toLowerCase(Locale.ROOT).startsWith("by ")) {
            evidence += 2;
        }
        return evidence;
    }

    private static double proseCredit(int words, boolean sentence) {
        if (!sentence) {
            return 0;
        }
        return 1 + (words >= 12 ? 2 : 0) + (words >= 25 ? 2 : 0);
    }

    private static boolean isDanglingLabel(String text, List<String> words) {
        return text.endsWith(":")
                || !words.isEmpty() && DANGLING_ENDINGS.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isTitleCase(List<String> words) {
        List<String> significant = words.stream()
                .filter(word -> !SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT)))
                .toList();
        long capitalised = significant.stream().filter(word -> Character.isUpperCase(word.codePointAt(0))).count();
        return !significant.isEmpty() && capitalised >= 0.75 * significant.size();
    }

    /** Whitespace-separated tokens holding at least one letter or digit. */
    private static List<String> words(String text) {
        return Arrays.stream(text.split(" "))
                .filter(token -> token.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
    }
}
