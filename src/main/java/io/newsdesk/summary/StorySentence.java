package io.newsdesk.summary;

import java.util.List;

/**
 * A sentence of a story summary and the ids of the articles it comes from, earliest first: the article whose
 * sentence it is, then those that carry the same sentence (offline), or the articles the LLM cited.
 */
public record StorySentence(String text, List<Long> sources) {

    public StorySentence {
        sources = List.copyOf(sources);
    }
}
