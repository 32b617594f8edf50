package io.newsdesk.store;

/** How a new article relates to an earlier one of the same story, strongest first. */
public enum DuplicateKind {
    /** The same cleaned text after normalisation (NFKC, lower case, whitespace collapsed). */
    EXACT,
    /** The same article re-published: other chrome, headline, cut short, lightly edited, typos. */
    NEAR_VERBATIM,
    /** A different text about the same news event. */
    SAME_STORY;

    /** Whether this is the same text re-published (EXACT or NEAR_VERBATIM), rather than another write-up. */
    public boolean isCopy() {
        return this == EXACT || this == NEAR_VERBATIM;
    }
}
