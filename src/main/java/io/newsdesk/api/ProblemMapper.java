package io.newsdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, with the offending fields named where there are any. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        RestResponse.ResponseBuilder<Problem> answer = problem(e.status(), e.title(), e.getMessage(), uri, e.errors());
        if (e.retryAfterSeconds() != null) {
            answer.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return answer.build();
    }

    /** A value of the wrong type; Jackson knows the path of the field it was reading. */
    @ServerExceptionMapper
    public RestResponse<Problem> wrongType(MismatchedInputException e, UriInfo uri) {
        if (e.getPath().isEmpty()) {
            return malformed(e, uri);
        }
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = typeMessage(e);
        return respond(400, "Invalid request", field + ": " + message, uri, List.of(new FieldError(field, message)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformed(JsonProcessingException e, UriInfo uri) {
        String message = "malformed JSON: " + e.getOriginalMessage();
        return respond(400, "Malformed JSON", message, uri, List.of(new FieldError("body", message)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidParameters(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v), v.getMessage()))
                .toList();
        return respond(400, "Invalid request", ProblemException.badRequest(errors).getMessage(), uri, errors);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatch ? wrongType(mismatch, uri) : malformed(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e, uri);
        }
        LOG.error("Request failed", e);
        return respond(500, "Internal error", "The request could not be completed", uri, List.of());
    }

    /** The answer the failed request would get: for each refused item of a batch, as its own request would. */
    public RestResponse<Problem> of(Throwable failure, UriInfo uri) {
        if (failure instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch, uri);
        }
        if (failure instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        if (failure instanceof WebApplicationException http) {
            return http(http, uri);
        }
        return unexpected(failure instanceof Exception e ? e : new IllegalStateException(failure), uri);
    }

    /**
     * 503 while the database cannot be reached: a transient condition, so the client is told to retry rather than
     * handed a 500. The detail says nothing about the server, its address or the driver's message.
     */
    private static RestResponse<Problem> databaseUnavailable(Exception e, UriInfo uri) {
        LOG.warnf("Database unavailable, answering 503: %s", rootMessage(e));
        return problem(503, "Database unavailable", "The service cannot reach its database; retry the request "
                + "later (repeating a POST is safe: ingest is idempotent).", uri, List.of())
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .build();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    private static String typeMessage(MismatchedInputException e) {
        if (e instanceof InvalidFormatException format) {
            return "cannot read " + format.getValue() + " as " + simpleType(format.getTargetType());
        }
        if (e.getTargetType() != null) {
            return "must be a " + simpleType(e.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String simpleType(Class<?> type) {
        return type == String.class ? "string" : type.getSimpleName();
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .reduce((first, second) -> second)
                .map(node -> node.getName())
                .orElse("");
    }

    public static RestResponse<Problem> respond(int status, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        return problem(status, title, detail, uri, errors).build();
    }

    /** A problem response still open for headers. */
    public static RestResponse.ResponseBuilder<Problem> problem(int status, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors);
        return RestResponse.ResponseBuilder.<Problem>create(status).entity(problem).type(Problem.MEDIA_TYPE);
    }
}
