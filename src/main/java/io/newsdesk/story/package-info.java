/**
 * Step 5: every article into its story. Candidates come from PostgreSQL indexes (text hash, LSH bands, story
 * embeddings within the time window); {@link io.newsdesk.story.DuplicateJudge} decides each pair (pure), the LLM is
 * asked about uncertain pairs outside any transaction, and {@link io.newsdesk.story.StoryWriter} joins the story of
 * the strongest verdict or starts a new one.
 */
package io.newsdesk.story;
