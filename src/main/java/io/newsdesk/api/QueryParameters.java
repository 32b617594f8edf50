package io.newsdesk.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one place where query parameters are read. Every value it hands out is within what PostgreSQL can compare
 * (whole numbers in range, text without NUL or unpaired surrogates, timestamps within {@link FieldValues}'s range,
 * cursors whose decoder checked the same), so no query parameter can make a statement fail. Collects every rejected
 * parameter by name; {@link #requireValid()} turns them into one 400 problem.
 */
public final class QueryParameters {

    /** The shape of every cursor this service hands out (base64url), as the OpenAPI document states it. */
    public static final String CURSOR_PATTERN = "^[A-Za-z0-9_-]*$";

    /**
     * The page sizes of every list unless its settings change them: the settings' defaults and the bounds of the
     * OpenAPI document the build writes.
     */
    public static final String DEFAULT_PAGE_SIZE = "20";
    public static final String MAX_PAGE_SIZE = "100";

    private final List<FieldError> errors = new ArrayList<>();

    /** The page size from {@code limit}: 1..max, the default when absent. */
    public int limit(String value, int defaultSize, int maxSize) {
        return wholeNumber(value, "limit", 1, maxSize, defaultSize);
    }

    /** A whole number from {@code min} to {@code max}, the default when absent. */
    public int wholeNumber(String value, String name, int min, int max, int defaultValue) {
        if (isAbsent(value)) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return defaultValue;
    }

    /** Single-line text, stripped; null when absent. */
    public String text(String value, String name) {
        if (isAbsent(value)) {
            return null;
        }
        String stripped = value.strip();
        return FieldValues.checkCharacters(stripped, name, true, errors) ? stripped : null;
    }

    /** An RFC 3339 date-time within PostgreSQL's range; null when absent. */
    public Instant timestamp(String value, String name) {
        return isAbsent(value) ? null : FieldValues.parseTimestamp(value, name, errors);
    }

    /**
     * A cursor this service handed out, decoded by {@code decoder}, which throws {@link IllegalArgumentException} for
     * anything else (including values outside PostgreSQL's domain); null when absent.
     */
    public <T> T cursor(String value, Function<String, T> decoder) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            return decoder.apply(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cursor", e.getMessage()));
            return null;
        }
    }

    /** Throws the 400 problem naming every rejected parameter, if there is any. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }
}
