/**
 * Step 6: the summary of an article, by the LLM (validated structured answer) or the offline extractive summarizer,
 * inline on POST within a timeout and otherwise through the durable queue in PostgreSQL. Works on ids and small
 * records, not on the stored entity.
 */
package io.newsdesk.summary;
