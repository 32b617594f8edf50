package io.newsdesk.summary;

import io.newsdesk.text.TextBeginning;

/**
 * What a summarizer reads: the article's title, the beginning of its cleaned text and its language.
 *
 * <p>The summary is drawn from the text's first {@value #MAX_TEXT_CHARS} characters (cut at a space), about 25,000
 * tokens: news says what matters first, and no news article is that long (the longest of the 2,725 articles of the
 * summary corpora has 25,452 characters). Without the bound, a page of one 9 MB paragraph took 40 s of CPU to
 * summarise offline and would be an LLM prompt of millions of tokens.
 */
public record SummaryRequest(String title, String text, String language) {

    public static final int MAX_TEXT_CHARS = 100_000;

    public SummaryRequest {
        text = TextBeginning.of(text, MAX_TEXT_CHARS);
    }
}
