package io.newsdesk.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next feed page starts: the snapshot the first page was read at (the highest story update number then)
 * and the update number of the last story shown. Later pages list each story by its latest update up to the
 * snapshot, so a story updated while a client pages is neither shown twice nor skipped; it tops the next first page.
 */
record FeedCursor(long snapshot, long afterSeq) {

    private static final String PREFIX = "f1.";

    String encode() {
        String plain = PREFIX + snapshot + "." + afterSeq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The decoded cursor, or {@link IllegalArgumentException} for anything this service did not hand out. */
    static FeedCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!plain.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a feed cursor");
            }
            String[] parts = plain.substring(PREFIX.length()).split("\\.", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a feed cursor");
            }
            FeedCursor decoded = new FeedCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (decoded.snapshot < 0 || decoded.afterSeq < 0 || decoded.afterSeq > decoded.snapshot + 1) {
                throw new IllegalArgumentException("not a feed cursor");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by this feed", e);
        }
    }
}
