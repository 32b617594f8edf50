package io.newsdesk.story;

/** Which article stands for its story in the feed (its title, its summary, its URL). */
public enum RepresentativeRule {
    /** The first published (ties: the first stored). */
    EARLIEST("a.published_at, a.id"),
    /** The longest cleaned text: usually the fullest write-up. */
    LONGEST("length(a.text) DESC, a.published_at, a.id"),
    /** The text carried by the most sources (itself and its EXACT / NEAR_VERBATIM copies): the wire original. */
    MOST_SOURCES("""
            (SELECT count(DISTINCT c.source) FROM article c
             WHERE c.story_id = a.story_id
               AND (c.id = a.id OR (c.duplicate_of = a.id AND c.duplicate_kind IN ('EXACT', 'NEAR_VERBATIM'))))
            DESC, a.published_at, a.id""");

    /** ORDER BY over the story's articles {@code a}; the first row is the representative. */
    final String order;

    RepresentativeRule(String order) {
        this.order = order;
    }
}
