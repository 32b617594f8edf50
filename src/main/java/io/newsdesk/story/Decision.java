package io.newsdesk.story;

import io.newsdesk.store.DuplicateKind;

/** The outcome of judging the candidates: the earlier article matched and the verdict, or a new story (nulls). */
record Decision(StoredCandidate matched, Verdict verdict) {

    static final Decision NEW_STORY = new Decision(null, null);

    Long duplicateOf() {
        return matched == null ? null : matched.id();
    }

    DuplicateKind kind() {
        return verdict == null ? null : verdict.kind();
    }

    Double similarity() {
        return verdict == null ? null : Math.round(verdict.similarity() * 1000) / 1000.0;
    }

    String reason() {
        return verdict == null ? null : verdict.reason();
    }

    boolean isCopy() {
        return verdict != null && verdict.kind().isCopy();
    }
}
