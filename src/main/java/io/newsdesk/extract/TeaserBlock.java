package io.newsdesk.extract;

import java.util.List;

/**
 * Finds the teaser block that news pages end with: a short heading ("More like this", "Don't miss") followed by
 * headline and one-line blurb pairs for other articles, up to the end or to footer chrome.
 */
final class TeaserBlock {

    private static final int MIN_TEASERS = 2;
    private static final int MAX_MARKER_WORDS = 5;
    private static final int MAX_HEADLINE_WORDS = 15;
    private static final int MAX_BLURB_WORDS = 35;

    private TeaserBlock() {
    }

    /** Index of the block's heading line, or {@code lines.size()} when the text does not end in teasers. */
    static int start(List<ScoredLine> lines) {
        int i = lines.size() - 1;
        while (i >= 0 && lines.get(i).isChromeAtEdge()) {
            i--;
        }
        int teasers = 0;
        while (i >= 1 && isBlurb(lines.get(i)) && isHeadline(lines.get(i - 1))) {
            teasers++;
            i -= 2;
        }
        boolean found = teasers >= MIN_TEASERS && i >= 0 && isMarker(lines.get(i));
        return found ? i : lines.size();
    }

    private static boolean isMarker(ScoredLine line) {
        return !line.endsSentence() && line.words() <= MAX_MARKER_WORDS;
    }

    // Headlines may end in "?" or "!", but not in a full stop.
    private static boolean isHeadline(ScoredLine line) {
        return !line.text().endsWith(".") && line.words() <= MAX_HEADLINE_WORDS;
    }

    private static boolean isBlurb(ScoredLine line) {
        return line.endsSentence() && line.words() <= MAX_BLURB_WORDS;
    }
}
