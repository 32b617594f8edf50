/**
 * Text utilities every stage shares: sentence splitting, word tokens, invisible-character tests. Pure functions.
 */
package io.newsdesk.text;
