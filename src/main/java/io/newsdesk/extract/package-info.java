/**
 * Step 2: the article text of a submission, from plain text (site chrome stripped line by line) or a page (main text
 * found in the DOM, metadata read, raw bytes decoded), and its language. Pure functions of the input; no I/O.
 */
package io.newsdesk.extract;
