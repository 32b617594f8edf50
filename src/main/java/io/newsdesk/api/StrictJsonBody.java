package io.newsdesk.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a JSON request body whole before Jackson does, gunzipping it if sent with Content-Encoding: gzip, to refuse
 * three things Jackson would let through: a body over
 * newsdesk.ingest.max-body-bytes sent without Content-Length (chunked; {@link RequestLimits} judges the others
 * before reading), bytes that are not well-formed UTF-8 (RFC 8259 requires it; Jackson decodes overlong forms
 * such as {@code C0 AF} as "/" and {@code C0 80} as NUL, and UTF-8-encoded surrogates, without complaint), and
 * anything after the JSON value (Jackson would read the first value and ignore the rest, e.g. {@code {...} garbage}).
 * Server side only: the REST clients that talk to the LLM read their answers their own way.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictJsonBody implements ReaderInterceptor {

    private static final JsonFactory JSON = new JsonFactory();

    // RESTEasy creates its interceptors during static initialisation, before the run-time configuration exists.
    private final Instance<IngestConfig> config;

    StrictJsonBody(Instance<IngestConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        long maxBodyBytes = config.get().maxBodyBytes();
        byte[] body = readDecoded(context, (int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
        if (body.length > maxBodyBytes) {
            throw new ProblemException(413, "Request body too large",
                    "The request body is larger than " + maxBodyBytes + " bytes", List.of());
        }
        int invalidAt = firstInvalidUtf8(body);
        if (invalidAt >= 0) {
            String message = "malformed JSON: not valid UTF-8 at byte " + invalidAt;
            throw new ProblemException(400, "Malformed JSON", message, List.of(new FieldError("body", message)));
        }
        if (!isNdjson(context.getMediaType()) && hasTrailingData(body)) {
            String message = "malformed JSON: more data after the JSON value";
            throw new ProblemException(400, "Malformed JSON", message, List.of(new FieldError("body", message)));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /**
     * The body with its Content-Encoding undone, at most {@code limit} bytes of it: the size limit applies to what
     * the body decodes to, so a small gzip bomb still gets 413. gzip is the one encoding accepted (RFC 9110 asks for
     * 415 on others).
     */
    private static byte[] readDecoded(ReaderInterceptorContext context, int limit) throws IOException {
        String encoding = context.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
        String coding = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        if (coding.isEmpty() || coding.equals("identity")) {
            return context.getInputStream().readNBytes(limit);
        }
        if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
            throw new ProblemException(415, "Unsupported Media Type", "Content-Encoding " + encoding
                    + " is not supported: send gzip or no encoding",
                    List.of(new FieldError("Content-Encoding", "must be gzip or absent")));
        }
        try (InputStream gzip = new GZIPInputStream(context.getInputStream())) {
            return gzip.readNBytes(limit);
        } catch (ZipException | EOFException e) {
            String message = "malformed gzip: " + e.getMessage();
            throw new ProblemException(400, "Malformed body", message, List.of(new FieldError("body", message)));
        }
    }

    /** Whether a well-formed first value is followed by more tokens; malformed values are left to Jackson. */
    static boolean hasTrailingData(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
        } catch (IOException malformedValue) {
            return false;
        }
        // The first value was well formed: whatever follows it, even unparsable, is trailing data.
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() != null;
        } catch (IOException unparsableRest) {
            return true;
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                || type.getSubtype().endsWith("+json") || isNdjson(type));
    }

    /** Newline-delimited JSON (a batch of articles): one value per line, so several values are no trailing data. */
    private static boolean isNdjson(MediaType type) {
        return type != null && type.getType().equals("application") && type.getSubtype().equals("x-ndjson");
    }

    /** The offset of the first byte that is not part of well-formed UTF-8, or -1. */
    static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return decoder.flush(out).isError() ? in.position() : -1;
            }
            out.clear();
        }
    }
}
