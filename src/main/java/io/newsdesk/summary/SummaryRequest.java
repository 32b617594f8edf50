package io.newsdesk.summary;

/** What a summarizer reads: the article's title, its cleaned text and its language. */
public record SummaryRequest(String title, String text, String language) {
}
