package io.newsdesk.ingest;

import io.newsdesk.store.CanonicalUrl;

import io.newsdesk.api.FieldError;
import io.newsdesk.api.FieldValues;
import io.newsdesk.api.IngestConfig;
import io.newsdesk.api.ProblemException;
import io.newsdesk.extract.PageMetadata;
import io.newsdesk.text.InvisibleText;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a submission field by field and reports every problem at once, each with its field name. */
@ApplicationScoped
public class SubmissionValidator {

    static final int MAX_TITLE_LENGTH = 1000;
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_SOURCE_LENGTH = 200;
    static final int MAX_AUTHOR_LENGTH = 1000;
    // Bounded: Java matches each repetition of a group of varying length one stack frame deeper.
    static final String LANGUAGE_PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,15}$";
    /** The shape of an accepted URL as the OpenAPI document states it; {@link CanonicalUrl#of} decides. */
    static final String URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#@]+(@[^\\s/?#@]+)?([/?#]\\S*)?$";
    private static final Pattern LANGUAGE_TAG = Pattern.compile(LANGUAGE_PATTERN);

    private final IngestConfig limits;

    SubmissionValidator(IngestConfig limits) {
        this.limits = limits;
    }

    /** Checks every field; a page ({@code html}) may come without a title, which its metadata then gives. */
    public AcceptedSubmission validate(ArticleSubmission submission) {
        if (submission == null) {
            throw ProblemException.badRequest("body", "a JSON article object is required");
        }
        checkSize(submission);
        List<FieldError> errors = new ArrayList<>();
        // A title left out of a page submission comes from the page; one given must be visible.
        String title = submission.html() != null && submission.body() == null && submission.title() == null ? null
                : requireLine(submission.title(), "title", MAX_TITLE_LENGTH, errors);
        checkContent(submission, errors);
        String canonicalUrl = canonicalUrl(submission.url(), errors);
        String source = optionalLine(submission.source(), "source", MAX_SOURCE_LENGTH, errors);
        Instant publishedAt = publishedAt(submission.publishedAt(), errors);
        String language = language(submission.language(), errors);
        String author = optionalLine(submission.author(), "author", MAX_AUTHOR_LENGTH, errors);
        String siteName = optionalLine(submission.siteName(), "siteName", MAX_SOURCE_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        if (source == null && canonicalUrl != null) {
            source = CanonicalUrl.host(canonicalUrl);
        }
        return new AcceptedSubmission(title, submission.body(), submission.html(),
                canonicalUrl == null ? null : CanonicalUrl.withoutCredentials(submission.url()), canonicalUrl, source,
                publishedAt, language, author, siteName);
    }

    /**
     * Fills in what a page submission left out from the page's own metadata. Metadata values that would not pass as
     * request fields (a relative or malformed canonical URL, an odd language tag, an over-long name) are ignored; a
     * page with no title anywhere is refused.
     */
    public AcceptedSubmission completeFrom(AcceptedSubmission accepted, PageMetadata page) {
        List<FieldError> ignored = new ArrayList<>();
        String title = accepted.title() != null ? accepted.title()
                : optionalLine(page.title(), "title", MAX_TITLE_LENGTH, ignored);
        if (title == null) {
            throw ProblemException.badRequest("title", "is required: the page has no og:title, <title> or <h1>");
        }
        String url = accepted.url();
        String canonicalUrl = accepted.canonicalUrl();
        if (url == null && page.canonicalUrl() != null) {
            canonicalUrl = canonicalUrl(page.canonicalUrl(), ignored);
            url = canonicalUrl == null ? null : CanonicalUrl.withoutCredentials(page.canonicalUrl());
        }
        String source = accepted.source() != null ? accepted.source()
                : canonicalUrl == null ? null : CanonicalUrl.host(canonicalUrl);
        String language = accepted.language() != null ? accepted.language() : language(page.language(), ignored);
        return new AcceptedSubmission(title, accepted.body(), accepted.html(), url, canonicalUrl, source,
                accepted.publishedAt() != null ? accepted.publishedAt() : page.publishedAt(), language,
                accepted.author() != null ? accepted.author()
                        : optionalLine(page.author(), "author", MAX_AUTHOR_LENGTH, ignored),
                accepted.siteName() != null ? accepted.siteName()
                        : optionalLine(page.siteName(), "siteName", MAX_SOURCE_LENGTH, ignored));
    }

    /** 413 for a body or page over its own limit, before any character of it is looked at. */
    private void checkSize(ArticleSubmission submission) {
        if (submission.body() != null && utf8Length(submission.body()) > limits.maxTextBytes()) {
            throw tooLarge("body", limits.maxTextBytes());
        }
        if (submission.html() != null && utf8Length(submission.html()) > limits.maxHtmlBytes()) {
            throw tooLarge("html", limits.maxHtmlBytes());
        }
    }

    /**
     * 413 for a page whose article text is larger than a plain-text body may be: no news article is, and every later
     * step (fingerprints, story, summary, every listing that shows the text) reads it whole.
     */
    public void checkPageText(String text) {
        if (utf8Length(text) > limits.maxTextBytes()) {
            String message = "holds more article text than the " + limits.maxTextBytes() + " bytes a body may have";
            throw new ProblemException(413, "Request body too large", "html " + message,
                    List.of(new FieldError("html", message)));
        }
    }

    static ProblemException tooLarge(String field, long limit) {
        String message = "must be at most " + limit + " bytes";
        return new ProblemException(413, "Request body too large", field + " " + message,
                List.of(new FieldError(field, message)));
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 1 : 3; // a surrogate pair: 1 + 3
        }
        return bytes;
    }

    private static void checkContent(ArticleSubmission submission, List<FieldError> errors) {
        boolean hasBody = submission.body() != null;
        boolean hasHtml = submission.html() != null;
        if (hasBody && hasHtml) {
            errors.add(new FieldError("html", "give either body or html, not both"));
        } else if (!hasBody && !hasHtml) {
            errors.add(new FieldError("body", "one of body (plain text) or html is required"));
        } else {
            String field = hasBody ? "body" : "html";
            String content = hasBody ? submission.body() : submission.html();
            if (content.isBlank()) {
                errors.add(new FieldError(field, "must not be blank"));
            } else {
                FieldValues.checkCharacters(content, field, false, errors);
            }
        }
    }

    private static String requireLine(String value, String field, int maxLength, List<FieldError> errors) {
        if (value == null || InvisibleText.isBlank(value)) {
            errors.add(new FieldError(field, "is required and must not be blank"));
            return null;
        }
        return optionalLine(value, field, maxLength, errors);
    }

    private static String optionalLine(String value, String field, int maxLength, List<FieldError> errors) {
        if (value == null || InvisibleText.isBlank(value)) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return FieldValues.checkCharacters(stripped, field, true, errors) ? stripped.replaceAll("\\s+", " ") : null;
    }

    private static String canonicalUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            errors.add(new FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
            return null;
        }
        if (!FieldValues.checkCharacters(url, "url", true, errors)) {
            return null;
        }
        try {
            return CanonicalUrl.of(url);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("url", e.getMessage()));
            return null;
        }
    }

    private static Instant publishedAt(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return FieldValues.parseTimestamp(value, "publishedAt", errors);
    }

    private static String language(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(value.strip()).matches()) {
            errors.add(new FieldError("language", "must be a language tag such as en or pt-BR"));
            return null;
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
