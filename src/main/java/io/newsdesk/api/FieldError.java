package io.newsdesk.api;

/** One rejected request field: its name (a JSON property or query parameter) and why. */
public record FieldError(String field, String message) {
}
