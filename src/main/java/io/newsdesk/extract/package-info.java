/**
 * Step 2: the article text of a submission, from plain text (site chrome stripped line by line) or HTML (chrome
 * elements removed, block text collected), and its language. Pure functions of the input; no I/O.
 */
package io.newsdesk.extract;
