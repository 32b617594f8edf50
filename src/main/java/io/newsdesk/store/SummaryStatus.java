package io.newsdesk.store;

/** Where an article's summary stands. */
public enum SummaryStatus {
    /** Summarised. */
    READY,
    /** Waiting in the durable queue (the LLM was slow, failing, or not yet asked). */
    PENDING,
    /** Given up after the configured number of attempts; {@code summaryError} says why. */
    FAILED
}
