package io.newsdesk.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newsdesk.api.FieldError;
import io.newsdesk.api.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The articles of a batch body, read one at a time so that only one of them is parsed at once: a JSON array of
 * article objects, or NDJSON (one article object per line, blank lines skipped). An item that is not a valid article
 * object is a failure of that item alone; a JSON array that is not well-formed as a whole refuses the batch (nothing
 * can be read after the error), which {@link #count} finds before anything is stored. Not thread-safe.
 */
final class BatchItems {

    /** One item: its submission, or why it could not be read as one. */
    record Item(int index, ArticleSubmission submission, Exception failure) {
    }

    private final byte[] body;
    private final boolean ndjson;
    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private JsonParser array;
    private int lineStart;
    private int index;

    private BatchItems(byte[] body, boolean ndjson, ObjectMapper mapper) {
        this.body = body;
        this.ndjson = ndjson;
        this.mapper = mapper;
        this.reader = mapper.readerFor(ArticleSubmission.class);
    }

    static BatchItems of(byte[] body, boolean ndjson, ObjectMapper mapper) {
        return new BatchItems(body, ndjson, mapper);
    }

    /** The number of items; for a JSON array, a 400 problem if the body is not one well-formed array. */
    int count() {
        if (ndjson) {
            int lines = 0;
            for (int start = 0; start < body.length; start = lineEnd(start) + 1) {
                lines += isBlank(start, lineEnd(start)) ? 0 : 1;
            }
            return lines;
        }
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw malformed("a batch is a JSON array of articles, or NDJSON with Content-Type "
                        + "application/x-ndjson");
            }
            int items = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
                items++;
            }
            return items;
        } catch (IOException e) {
            throw malformed("malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The next item, or null after the last. */
    Item next() {
        return ndjson ? nextLine() : nextElement();
    }

    private Item nextElement() {
        try {
            if (array == null) {
                array = mapper.createParser(body);
                array.nextToken();
            }
            if (array.nextToken() == JsonToken.END_ARRAY) {
                array.close();
                return null;
            }
            return read(mapper.readTree(array));
        } catch (IOException e) {
            // count() read the whole array first: only a broken promise of Jackson's gets here.
            throw new UncheckedIOException(e);
        }
    }

    private Item nextLine() {
        while (lineStart < body.length) {
            int start = lineStart;
            int end = lineEnd(start);
            lineStart = end + 1;
            if (!isBlank(start, end)) {
                try {
                    return read(mapper.readTree(body, start, end - start));
                } catch (IOException e) {
                    return new Item(index++, null, e);
                }
            }
        }
        return null;
    }

    private Item read(JsonNode node) {
        int at = index++;
        if (!node.isObject()) {
            return new Item(at, null, ProblemException.badRequest("body", "an article is a JSON object"));
        }
        try {
            return new Item(at, reader.readValue(node), null);
        } catch (IOException e) {
            return new Item(at, null, e);
        }
    }

    private int lineEnd(int start) {
        int end = start;
        while (end < body.length && body[end] != '\n') {
            end++;
        }
        return end;
    }

    /** Whether the line holds only JSON whitespace. */
    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static ProblemException malformed(String message) {
        return new ProblemException(400, "Malformed JSON", message, List.of(new FieldError("body", message)));
    }
}
