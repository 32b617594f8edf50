package io.newsdesk.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The OpenAPI document the service serves (/q/openapi), as the oracle of the HTTP tests (Atlassian's
 * swagger-request-validator). Every answer must be one the document declares for the operation, with its media type
 * and schema; a request the service accepted (below 400) must be valid by the document too (unless its body is
 * gzipped). A refused request is not
 * checked against the document, since most such tests send what the document forbids on purpose.
 */
public final class OpenApiValidation implements Filter {

    private static OpenApiInteractionValidator validator;

    /** Checks every RestAssured exchange while a test class annotated {@link CheckedAgainstOpenApi} runs. */
    public static final class PerTestClass implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            RestAssured.replaceFiltersWith(List.of(new OpenApiValidation()));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            RestAssured.replaceFiltersWith(List.of());
        }
    }

    /** The validator for the document served at {@code root} (read once per JVM: every profile serves the same). */
    public static synchronized OpenApiInteractionValidator validator(URI root) {
        if (validator == null) {
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(document(root)).build();
        }
        return validator;
    }

    @Override
    public io.restassured.response.Response filter(FilterableRequestSpecification requestSpec,
            FilterableResponseSpecification responseSpec, FilterContext context) {
        io.restassured.response.Response response = context.next(requestSpec, responseSpec);
        Request request = RestAssuredRequest.of(requestSpec);
        if (!request.getPath().startsWith("/api/")) { // health, metrics: Quarkus's, not in the document
            return response;
        }
        OpenApiInteractionValidator oracle = validator(URI.create(requestSpec.getURI()).resolve("/"));
        // The validator cannot read an encoded (gzip) body: such a request is checked by its answer only.
        boolean readable = requestSpec.getHeaders().getValue("Content-Encoding") == null;
        ValidationReport report = response.statusCode() < 400 && readable
                ? oracle.validate(request, RestAssuredResponse.of(response))
                : oracle.validateResponse(request.getPath(), request.getMethod(), RestAssuredResponse.of(response));
        assertValid(report, requestSpec.getMethod() + " " + requestSpec.getURI() + " -> " + response.statusCode());
        return response;
    }

    /** Checks one answer received by other means than RestAssured. */
    public static void assertValidResponse(URI root, Request.Method method, String path, int status,
            String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        assertValid(validator(root).validateResponse(path, method, response.build()),
                method + " " + path + " -> " + status);
    }

    public static void assertValid(ValidationReport report, String exchange) {
        if (report.hasErrors()) {
            throw new AssertionError(exchange + " disagrees with /q/openapi:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report));
        }
    }

    private static String document(URI root) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve("/q/openapi?format=json"))
                    .build(), BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /q/openapi", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
