/**
 * Step 7, the read side: the deduplicated feed (one item per story, JSON and JSON Feed 1.1) and the story pages, paged
 * by a cursor over the story update log.
 */
package io.newsdesk.feed;
