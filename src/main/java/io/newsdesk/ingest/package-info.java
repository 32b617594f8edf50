/**
 * Step 1 and the conductor of the pipeline: the POST resource, field validation, and {@link
 * io.newsdesk.ingest.ArticleIngestService}, which runs validate, extract, store, fingerprint (a new article only),
 * assign story, summarize and respond, top to bottom. The only package that knows every stage.
 */
package io.newsdesk.ingest;
