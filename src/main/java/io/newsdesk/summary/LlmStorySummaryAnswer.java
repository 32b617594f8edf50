package io.newsdesk.summary;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The structured answer the story summary prompt asks for. */
@RegisterForReflection
public record LlmStorySummaryAnswer(List<Sentence> sentences, String language) {

    @RegisterForReflection
    public record Sentence(String text, List<Long> sources) {
    }
}
