package io.newsdesk.summary;

import java.util.List;

/** A story summary: its sentences, each with its sources, in reading order. */
public record StorySummaryText(List<StorySentence> sentences) {

    public StorySummaryText {
        sentences = List.copyOf(sentences);
    }

    /** The sentences joined by single spaces. */
    public String text() {
        return String.join(" ", sentences.stream().map(StorySentence::text).toList());
    }

    public boolean isEmpty() {
        return sentences.isEmpty();
    }
}
