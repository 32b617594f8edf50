package io.newsdesk.store;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A stored article: the raw input as received, the cleaned text derived from it, its place in its story and its
 * summary. A plain object: the ingest path fills it in before it is stored, rows map to it in {@link #from(Row)}.
 */
public class Article {

    /**
     * The columns {@link #from(Row)} reads, for SELECT and RETURNING lists. Not the raw input: it is kept for the
     * record and never shown, and a page of 100 articles would hold up to 100 raw pages of 10 MiB in memory.
     */
    static final String COLUMNS = """
            id, title, url, canonical_url, source, published_at, received_at, language, raw_format, \
            text, content_hash, story_id, duplicate_of, duplicate_kind, similarity, duplicate_reason, summary, \
            summary_status, summarizer, summarized_at, summary_attempts, summary_next_attempt_at, summary_error, author, \
            site_name""";

    public Long id;

    public String title;
    public String url;
    public String canonicalUrl;
    public String source;
    public Instant publishedAt;
    public Instant receivedAt;
    public String language;
    public String author;
    public String siteName;
    public String rawFormat;
    /** Written when the article is stored; not read back ({@link #COLUMNS}). */
    public String rawContent;
    public String text;
    public String contentHash;

    public Long storyId;
    public Long duplicateOf;
    public DuplicateKind duplicateKind;
    public Double similarity;
    public String duplicateReason;

    public String summary;
    public SummaryStatus summaryStatus;
    public String summarizer;
    public Instant summarizedAt;
    public int summaryAttempts;
    public Instant summaryNextAttemptAt;
    public String summaryError;

    static Article from(Row row) {
        Article article = new Article();
        article.id = row.getLong("id");
        article.title = row.getString("title");
        article.url = row.getString("url");
        article.canonicalUrl = row.getString("canonical_url");
        article.source = row.getString("source");
        article.publishedAt = instant(row.getOffsetDateTime("published_at"));
        article.receivedAt = instant(row.getOffsetDateTime("received_at"));
        article.language = row.getString("language");
        article.author = row.getString("author");
        article.siteName = row.getString("site_name");
        article.rawFormat = row.getString("raw_format");
        article.text = row.getString("text");
        article.contentHash = row.getString("content_hash");
        article.storyId = row.getLong("story_id");
        article.duplicateOf = row.getLong("duplicate_of");
        String kind = row.getString("duplicate_kind");
        article.duplicateKind = kind == null ? null : DuplicateKind.valueOf(kind);
        article.similarity = row.getDouble("similarity");
        article.duplicateReason = row.getString("duplicate_reason");
        article.summary = row.getString("summary");
        article.summaryStatus = SummaryStatus.valueOf(row.getString("summary_status"));
        article.summarizer = row.getString("summarizer");
        article.summarizedAt = instant(row.getOffsetDateTime("summarized_at"));
        article.summaryAttempts = row.getInteger("summary_attempts");
        article.summaryNextAttemptAt = instant(row.getOffsetDateTime("summary_next_attempt_at"));
        article.summaryError = row.getString("summary_error");
        return article;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
