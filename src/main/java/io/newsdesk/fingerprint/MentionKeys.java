package io.newsdesk.fingerprint;

import io.newsdesk.text.Mentions;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names of an article as hashes, for finding other outlets' reports of the same event that share a name but no
 * wording (a brief, another write-up): each word of a name phrase that the text never writes in lower case
 * ("Venter", "Celera", "Lancashire", not "Police"). Place and institution names are kept although they are common:
 * a brief often shares no other name with its article (measured by RetellingEvaluation's candidate recall); the
 * judge, not this key, tells events apart. First mentions first, at most {@link #MAX}. Pure and deterministic across
 * processes (stored).
 */
public final class MentionKeys {

    /** Keys stored per article: the names of the title and lead come first and are what a retelling repeats. */
    public static final int MAX = 24;

    private MentionKeys() {
    }

    public static long[] of(String title, String text) {
        return of(Mentions.of(title, text == null ? "" : text));
    }

    /** The keys of what a title and text name, read already. */
    public static long[] of(Mentions mentions) {
        Set<String> words = new LinkedHashSet<>();
        for (String phrase : mentions.phrases().keySet()) {
            for (String word : phrase.split(" ")) {
                if (!mentions.lowercase().contains(word) && words.size() < MAX) {
                    words.add(word);
                }
            }
        }
        return words.stream().mapToLong(word -> {
            String key = word.toLowerCase(Locale.ROOT);
            return Hashing.mix(Hashing.chars(key, 0, key.length()));
        }).toArray();
    }
}
