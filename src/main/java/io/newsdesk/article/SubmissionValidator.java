package io.newsdesk.article;

import io.newsdesk.api.FieldError;
import io.newsdesk.api.ProblemException;
import io.newsdesk.cleaning.InvisibleText;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

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
                submission.url() == null ? null : submission.url().strip(), canonicalUrl, source, publishedAt, language);
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
                checkCharacters(content, field, false, errors);
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
        return checkCharacters(stripped, field, true, errors) ? stripped.replaceAll("\\s+", " ") : null;
    }

    /** NUL and unpaired surrogates cannot be stored as text; single-line fields take no other control characters. */
    static boolean checkCharacters(String value, String field, boolean singleLine, List<FieldError> errors) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || (singleLine && Character.isISOControl(c) && !Character.isWhitespace(c))) {
                errors.add(new FieldError(field, "must not contain control characters"));
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                errors.add(new FieldError(field, "contains invalid Unicode (an unpaired surrogate)"));
                return false;
            }
        }
        return true;
    }

    private static String canonicalUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            errors.add(new FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
            return null;
        }
        if (!checkCharacters(url, "url", true, errors)) {
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
        return parseTimestamp(value, "publishedAt", errors);
    }

    /** An RFC 3339 date-time with an offset, truncated to the microseconds PostgreSQL keeps. */
    public static Instant parseTimestamp(String value, String field, List<FieldError> errors) {
        try {
            Instant instant = OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
            if (instant.isBefore(Instant.parse("1000-01-01T00:00:00Z"))
                    || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                errors.add(new FieldError(field, "must be between the years 1000 and 9999"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an RFC 3339 date-time with offset, e.g. 2024-04-15T09:30:00Z"));
            return null;
        }
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
