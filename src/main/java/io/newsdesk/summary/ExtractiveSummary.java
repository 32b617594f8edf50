package io.newsdesk.summary;

import java.util.List;

/**
 * An extractive summary: sentences of the article, in the article's order.
 *
 * @param sentences the chosen sentences (verbatim, except a single over-long sentence cut to the word budget and
 *                  ended with "…")
 */
public record ExtractiveSummary(List<String> sentences) {

    public ExtractiveSummary {
        sentences = List.copyOf(sentences);
    }

    /** The sentences joined by single spaces; empty for an empty summary. */
    public String text() {
        return String.join(" ", sentences);
    }

    public boolean isEmpty() {
        return sentences.isEmpty();
    }
}
