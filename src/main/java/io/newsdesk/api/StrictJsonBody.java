package io.newsdesk.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a JSON request body whole before Jackson does, to refuse two things Jackson would let through: a body over
 * newsdesk.ingest.max-body-bytes sent without Content-Length (chunked; {@link RequestSizeLimit} judges the others
 * before reading), and bytes that are not well-formed UTF-8 (RFC 8259 requires it; Jackson decodes overlong forms
 * such as {@code C0 AF} as "/" and {@code C0 80} as NUL, and UTF-8-encoded surrogates, without complaint).
 */
@Provider
public class StrictJsonBody implements ReaderInterceptor {

    private final long maxBodyBytes;

    StrictJsonBody(@ConfigProperty(name = "newsdesk.ingest.max-body-bytes") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
        if (body.length > maxBodyBytes) {
            throw new ProblemException(413, "Request body too large",
                    "The request body is larger than " + maxBodyBytes + " bytes", List.of());
        }
        int invalidAt = firstInvalidUtf8(body);
        if (invalidAt >= 0) {
            String message = "malformed JSON: not valid UTF-8 at byte " + invalidAt;
            throw new ProblemException(400, "Malformed JSON", message, List.of(new FieldError("body", message)));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"));
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
