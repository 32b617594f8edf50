package io.newsdesk.store;

import java.time.Instant;

/** A finished summary and who wrote it, e.g. {@code openai:gpt-4o-mini} or {@code extractive}. */
public record Summary(String text, String summarizer, Instant summarizedAt) {
}
