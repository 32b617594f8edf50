package io.newsdesk.extract;

import jakarta.enterprise.context.ApplicationScoped;

/** The cleaning step of ingest: article text without markup or site chrome, from either plain text or HTML. */
@ApplicationScoped
public class ArticleCleaner {

    private final MainTextExtractor extractor = new MainTextExtractor();
    private final ChromeStripper stripper = new ChromeStripper();

    /**
     * Cleans a submission's content; exactly one of {@code body} (plain text) and {@code html} must be given.
     *
     * @param title the article title, kept out of the text because it is stored separately; may be null
     */
    public CleanedText clean(String title, String body, String html) {
        if ((body == null) == (html == null)) {
            throw new IllegalArgumentException("exactly one of body and html must be given");
        }
        return stripper.strip(html != null ? extractor.extract(html, null).text() : body, title);
    }
}
