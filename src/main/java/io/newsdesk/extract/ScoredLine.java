package io.newsdesk.extract;

/**
 * One non-blank line of text with the measurements the stripper decides on.
 *
 * @param paragraph index of the blank-line separated block the line came from
 * @param evidence  chrome signals in what the line says (vocabulary, links, run-together menu words), minus credit
 *                  for being a long sentence; a real sub-heading has none
 * @param score     evidence plus chrome signals in the line's shape (short, unpunctuated, Title Case)
 */
record ScoredLine(String text, int paragraph, int words, boolean endsSentence, double evidence, double score) {

    private static final int MIN_PROSE_WORDS = 8;

    /** A sentence of some length without chrome signals: article text, so it marks the article's extent. */
    boolean isProse() {
        return endsSentence && words >= MIN_PROSE_WORDS && evidence <= -1;
    }

    /** Chrome when found before the first or after the last prose line, where site chrome clusters. */
    boolean isChromeAtEdge() {
        return score >= 3;
    }

    /** Chrome even between prose lines: only what the line says counts there, so sub-headings survive. */
    boolean isClearlyChrome() {
        return evidence >= 5;
    }
}
