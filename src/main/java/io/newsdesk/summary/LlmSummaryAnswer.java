package io.newsdesk.summary;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The structured answer the summary prompt asks for. */
@RegisterForReflection
public record LlmSummaryAnswer(List<String> sentences, String language) {
}
