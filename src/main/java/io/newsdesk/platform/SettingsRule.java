package io.newsdesk.platform;

import java.util.List;

/**
 * A rule between configuration keys that Bean Validation on a single key cannot express (one key needs another, one
 * must not exceed another). Each area implements its own as a bean; {@link ConfigurationCheck} applies them all at
 * start.
 */
public interface SettingsRule {

    /** The contradictions found, each naming the keys involved and how to fix them; empty when consistent. */
    List<String> problems();

    /** The problem when {@code key}'s value exceeds {@code limitKey}'s, else none. */
    static <T extends Comparable<T>> List<String> notAbove(String key, T value, String limitKey, T limit) {
        if (value.compareTo(limit) <= 0) {
            return List.of();
        }
        return List.of(key + " (" + value + ") must not exceed " + limitKey + " (" + limit
                + "): lower the first or raise the second");
    }
}
