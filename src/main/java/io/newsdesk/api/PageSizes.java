package io.newsdesk.api;

/**
 * A list's page sizes as its query parser enforces them, and the OpenAPI component of its {@code limit} parameter;
 * {@link PageSizesDocument} states them in the served document.
 */
public interface PageSizes {

    /** The key of the list's limit parameter among the document's parameter components. */
    String limitParameter();

    int defaultPageSize();

    int maxPageSize();
}
