package io.newsdesk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored article: the raw input as received and the cleaned text derived from it. */
@Entity
@Table(name = "article")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;
    public String url;
    @Column(name = "canonical_url")
    public String canonicalUrl;
    public String source;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String language;
    @Column(name = "raw_format")
    public String rawFormat;
    @Column(name = "raw_content")
    public String rawContent;
    public String text;
    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "story_id")
    public Long storyId;
    @Column(name = "duplicate_of")
    public Long duplicateOf;
    @Enumerated(EnumType.STRING)
    @Column(name = "duplicate_kind")
    public DuplicateKind duplicateKind;
    public Double similarity;
    @Column(name = "duplicate_reason")
    public String duplicateReason;

    public String summary;
    @Enumerated(EnumType.STRING)
    @Column(name = "summary_status")
    public SummaryStatus summaryStatus;
    public String summarizer;
    @Column(name = "summarized_at")
    public Instant summarizedAt;
    @Column(name = "summary_attempts")
    public int summaryAttempts;
    @Column(name = "summary_next_attempt_at")
    public Instant summaryNextAttemptAt;
    @Column(name = "summary_error")
    public String summaryError;
}
