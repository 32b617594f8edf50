package io.newsdesk.story;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The LLM's structured answer on a pair of articles. */
@RegisterForReflection
public record SameStoryAnswer(Boolean sameStory, Double confidence, String reason) {
}
