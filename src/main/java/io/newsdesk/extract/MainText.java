package io.newsdesk.extract;

import java.util.List;

/** The main text of a page: its article's paragraphs, headings, list items and quotes, in order. */
public record MainText(List<String> paragraphs) {

    public MainText {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The paragraphs separated by a blank line. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
