package io.newsdesk.extract;

import io.newsdesk.text.CombiningMarks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The cleaning step of ingest: article text without markup or site chrome. Plain text goes through the line-based
 * {@link ChromeStripper}; a page is parsed once, its metadata read ({@link PageMetadata}) and its main text
 * extracted from the DOM ({@link MainTextExtractor}).
 */
@ApplicationScoped
public class ArticleCleaner {

    private final MainTextExtractor extractor = new MainTextExtractor();
    private final ChromeStripper stripper = new ChromeStripper();

    /** A cleaned page: its main text and what the page says about itself. */
    public record CleanedPage(CleanedText text, PageMetadata metadata) {
    }

    /**
     * Cleans a submission's content; exactly one of {@code body} (plain text) and {@code html} must be given.
     *
     * @param title the article title, kept out of the text because it is stored separately; may be null
     */
    public CleanedText clean(String title, String body, String html) {
        if ((body == null) == (html == null)) {
            throw new IllegalArgumentException("exactly one of body and html must be given");
        }
        return html != null ? cleanPage(html, null, title).text()
                : stripper.strip(CombiningMarks.capRuns(body), title);
    }

    /**
     * Cleans a whole page or fragment.
     *
     * @param url   the page's URL, for resolving relative links; may be null
     * @param title the title the client gave, else the page's own; its copies are left out of the text
     */
    public CleanedPage cleanPage(String html, String url, String title) {
        String markup = CombiningMarks.capRuns(html);
        Document page = Jsoup.parse(markup, url == null ? "" : url);
        PageMetadata metadata = PageMetadata.read(page);
        String articleTitle = title != null ? title : metadata.title();
        MainText main = extractor.extract(page, markup, url, articleTitle);
        String wanted = articleTitle != null ? ChromeStripper.comparable(articleTitle) : "";
        List<String> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String paragraph : main.paragraphs()) {
            (!wanted.isEmpty() && ChromeStripper.comparable(paragraph).equals(wanted) ? removed : kept).add(paragraph);
        }
        return new CleanedPage(new CleanedText(kept, removed), metadata);
    }
}
