package io.newsdesk.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Checks of client-supplied values that end up in SQL: what PostgreSQL cannot store or compare is refused here. */
public final class FieldValues {

    /** PostgreSQL's timestamptz reaches further, but java.time and clients agree on four-digit years. */
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    // The rules below, as the OpenAPI document states them (ECMA-262 patterns); FieldValuesTest holds the patterns
    // and the checks to agreement on every character of the Basic Multilingual Plane.

    /** No control characters except whitespace ({@link #checkCharacters} with singleLine). */
    public static final String LINE_PATTERN = "^[^\\u0000-\\u0008\\u000E-\\u001B\\u007F-\\u009F]*$";
    /**
     * A line with at least one visible character: InvisibleText's rule for the Basic Multilingual Plane, erring on the
     * strict side (characters outside it count as invisible here).
     */
    public static final String VISIBLE_LINE_PATTERN = "^[^\\u0000-\\u0008\\u000E-\\u001B\\u007F-\\u009F]*"
            + "[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u00A0\\u00AD\\u034F\\u0600-\\u0605\\u061C\\u06DD\\u070F"
            + "\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u17B4\\u17B5\\u180B-\\u180F\\u2000-\\u200F"
            + "\\u2028-\\u202F\\u205F-\\u206F\\u2800\\u3000\\u3164"
            + "\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFFB\\uD800-\\uDFFF]"
            + "[^\\u0000-\\u0008\\u000E-\\u001B\\u007F-\\u009F]*$";
    /** A content field that is not blank and holds no NUL. */
    public static final String CONTENT_PATTERN = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$";

    private FieldValues() {
    }

    /** Whether PostgreSQL can store and compare this instant as a timestamp (see {@link #parseTimestamp}). */
    public static boolean isStorableTimestamp(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** NUL and unpaired surrogates cannot be stored as text; single-line fields take no other control characters. */
    public static boolean checkCharacters(String value, String field, boolean singleLine, List<FieldError> errors) {
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

    /** An RFC 3339 date-time with an offset, truncated to the microseconds PostgreSQL keeps. */
    public static Instant parseTimestamp(String value, String field, List<FieldError> errors) {
        try {
            Instant instant = OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
            if (!isStorableTimestamp(instant)) {
                errors.add(new FieldError(field, "must be between the years 1000 and 9999"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an RFC 3339 date-time with offset, e.g. 2024-04-15T09:30:00Z"));
            return null;
        }
    }
}
