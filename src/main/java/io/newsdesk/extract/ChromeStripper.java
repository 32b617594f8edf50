package io.newsdesk.extract;

import io.newsdesk.text.InvisibleText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Removes site chrome (menus, search boxes, share bars, bylines, credits, teaser blocks) from the plain text of a
 * news page while keeping every paragraph of the article.
 *
 * <p>Chrome clusters before and after the article, so the prose sentences mark the article's extent: around them a
 * line is dropped on moderate evidence, between them only when what it says is clearly chrome. A trailing teaser
 * block and copies of the title (stored separately) are dropped wherever they are. A text that would lose every
 * line is kept whole: short texts are articles too.
 */
public final class ChromeStripper {

    public CleanedText strip(String text, String title) {
        List<ScoredLine> lines = scoredLines(text);
        boolean[] chrome = new boolean[lines.size()];
        int teasers = TeaserBlock.start(lines);
        Arrays.fill(chrome, teasers, lines.size(), true);
        int first = firstProse(lines, teasers);
        int last = lastProse(lines, teasers);
        markTitleCopies(lines, title, first, chrome);
        for (int i = first; i <= last; i++) {
            chrome[i] |= lines.get(i).isClearlyChrome();
        }
        judgeEdge(lines, 0, first, chrome);
        judgeEdge(lines, last + 1, teasers, chrome);
        CleanedText cleaned = result(lines, chrome);
        // A wire brief or a caption-like item can look like chrome line by line; refusing it as "no article text"
        // would lose an article. When nothing would remain, everything readable is the article.
        return cleaned.text().isBlank() ? result(lines, new boolean[lines.size()]) : cleaned;
    }

    private static List<ScoredLine> scoredLines(String text) {
        List<ScoredLine> lines = new ArrayList<>();
        int paragraph = 0;
        for (String raw : text.split("\\R")) {
            String line = raw.replaceAll("[\\s\\p{Z}\\u200B\\uFEFF]+", " ").strip();
            if (InvisibleText.isBlank(line)) {
                paragraph++;
            } else {
                lines.add(LineScorer.score(line, paragraph));
            }
        }
        return lines;
    }

    // Without any prose line every line counts as inside the article, so nothing is dropped on its shape alone.
    private static int firstProse(List<ScoredLine> lines, int end) {
        for (int i = 0; i < end; i++) {
            if (lines.get(i).isProse()) {
                return i;
            }
        }
        return 0;
    }

    private static int lastProse(List<ScoredLine> lines, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (lines.get(i).isProse()) {
                return i;
            }
        }
        return end - 1;
    }

    /** Drops copies of the title and, when the title heads the article, everything above it (kickers, crumbs). */
    private static void markTitleCopies(List<ScoredLine> lines, String title, int firstProse, boolean[] chrome) {
        String wanted = comparable(title == null ? "" : title);
        if (wanted.isEmpty()) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (comparable(lines.get(i).text()).equals(wanted)) {
                chrome[i] = true;
                if (i < firstProse) {
                    Arrays.fill(chrome, 0, i, true);
                }
            }
        }
    }

    static String comparable(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * Judges the lines in [from, to) outside the prose. Besides looking like chrome, a heading-like line there is
     * chrome unless it introduces a kept sentence, which tells a section heading from a menu or a headline list.
     */
    private static void judgeEdge(List<ScoredLine> lines, int from, int to, boolean[] chrome) {
        int nextKept = to;
        while (nextKept < lines.size() && chrome[nextKept]) {
            nextKept++;
        }
        for (int i = to - 1; i >= from; i--) {
            ScoredLine line = lines.get(i);
            if (!chrome[i]) {
                boolean introducesSentence = nextKept < lines.size() && lines.get(nextKept).endsSentence();
                chrome[i] = line.isChromeAtEdge() || !line.endsSentence() && !introducesSentence;
            }
            if (!chrome[i]) {
                nextKept = i;
            }
        }
    }

    /** Kept lines of one input paragraph stay together; stray symbols are removed only from kept text. */
    private static CleanedText result(List<ScoredLine> lines, boolean[] chrome) {
        List<String> paragraphs = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        StringJoiner paragraph = null;
        int previousParagraph = -1;
        for (int i = 0; i < lines.size(); i++) {
            ScoredLine line = lines.get(i);
            String text = StraySymbols.remove(line.text());
            if (chrome[i] || text.isEmpty()) {
                removed.add(line.text());
                continue;
            }
            if (line.paragraph() != previousParagraph) {
                if (paragraph != null) {
                    paragraphs.add(paragraph.toString());
                }
                paragraph = new StringJoiner("\n");
            }
            paragraph.add(text);
            previousParagraph = line.paragraph();
        }
        if (paragraph != null) {
            paragraphs.add(paragraph.toString());
        }
        return new CleanedText(paragraphs, removed);
    }
}
