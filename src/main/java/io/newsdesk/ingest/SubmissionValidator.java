package io.newsdesk.ingest;

import io.newsdesk.store.CanonicalUrl;

import io.newsdesk.api.FieldError;
import io.newsdesk.api.FieldValues;
import io.newsdesk.api.ProblemException;
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
    static final String LANGUAGE_PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$";
    /** The shape of an accepted URL as the OpenAPI document states it; {@link CanonicalUrl#of} decides. */
    static final String URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#@]+(@[^\\s/?#@]+)?([/?#]\\S*)?$";
    private static final Pattern LANGUAGE_TAG = Pattern.compile(LANGUAGE_PATTERN);

    public AcceptedSubmission validate(ArticleSubmission submission) {
        if (submission == null) {
            throw ProblemException.badRequest("body", "a JSON article object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = requireLine(submission.title(), "title", MAX_TITLE_LENGTH, errors);
        checkContent(submission, errors);
        String canonicalUrl = canonicalUrl(submission.url(), errors);
        String source = optionalLine(submission.source(), "source", MAX_SOURCE_LENGTH, errors);
        Instant publishedAt = publishedAt(submission.publishedAt(), errors);
        String language = language(submission.language(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        if (source == null && canonicalUrl != null) {
            source = CanonicalUrl.host(canonicalUrl);
        }
        return new AcceptedSubmission(title, submission.body(), submission.html(),
                canonicalUrl == null ? null : CanonicalUrl.withoutCredentials(submission.url()), canonicalUrl, source,
                publishedAt, language);
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
