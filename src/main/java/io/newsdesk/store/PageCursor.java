package io.newsdesk.store;

import io.newsdesk.api.FieldValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** Position after the last article of a page: opaque to clients, stable while new articles arrive. */
public record PageCursor(Instant publishedAt, long id) {

    public String encode() {
        String plain = publishedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The decoded cursor, or {@link IllegalArgumentException} for anything this service did not hand out. */
    public static PageCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor of this service");
            }
            Instant publishedAt = Instant.parse(parts[0]);
            // Only what PostgreSQL can compare: a hand-made cursor must not fail the query.
            if (!FieldValues.isStorableTimestamp(publishedAt)) {
                throw new IllegalArgumentException("timestamp out of range");
            }
            return new PageCursor(publishedAt, Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("is not a cursor returned by this service", e);
        }
    }
}
