/**
 * Step 4: the article table. Stores each article once (the unique indexes decide between racing identical
 * submissions), reads it back by id and by keyset page, and holds the row types other stages refer to by id.
 */
package io.newsdesk.store;
