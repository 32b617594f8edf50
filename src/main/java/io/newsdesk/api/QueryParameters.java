package io.newsdesk.api;

import java.util.List;

/** Parsing of the query parameters list endpoints share, each rejected value named in the problem. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The page size from {@code limit}: 1..max, the default when absent; an error named {@code limit} otherwise. */
    public static int pageSize(String limit, int defaultSize, int maxSize, List<FieldError> errors) {
        return wholeNumber(limit, "limit", 1, maxSize, defaultSize, errors);
    }

    /** A whole number from {@code min} to {@code max}, the default when absent; an error naming it otherwise. */
    public static int wholeNumber(String value, String name, int min, int max, int defaultValue,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
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
}
