package io.newsdesk.extract;

import java.util.List;

/**
 * Article text without page chrome.
 *
 * @param paragraphs   the kept paragraphs, in order
 * @param removedLines the lines judged to be chrome, in order, for debugging and tests
 */
public record CleanedText(List<String> paragraphs, List<String> removedLines) {

    public CleanedText {
        paragraphs = List.copyOf(paragraphs);
        removedLines = List.copyOf(removedLines);
    }

    /** The paragraphs separated by a blank line. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
