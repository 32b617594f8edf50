package io.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.ingest.BadInputCorpus.BadRequest;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.OpenApiValidation;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bad-input corpus (issue #6): several hundred generated malformed requests, each of which must get its
 * documented 4xx as an RFC 9457 problem document, never a 5xx, and leave no row behind; each answer must also be one
 * the OpenAPI document declares for the operation ({@link OpenApiValidation}). The requests go out through
 * {@link HttpClient} rather than RestAssured so that the bytes are exactly the corpus's: invalid UTF-8, no
 * Content-Type at all, chunked bodies.
 */
@QuarkusTest
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @TestHTTPResource("/")
    URI root;

    @Inject
    Database database;

    @TestFactory
    Stream<DynamicNode> everyMalformedRequestGetsItsProblemAndStoresNothing() {
        List<BadRequest> corpus = BadInputCorpus.generate();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        long baseline = articleRows();
        Map<String, List<DynamicNode>> byCategory = new LinkedHashMap<>();
        for (BadRequest request : corpus) {
            byCategory.computeIfAbsent(request.category(), category -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(request.displayName(), () -> check(request)));
        }
        Stream<DynamicNode> categories = byCategory.entrySet().stream()
                .map(category -> DynamicContainer.dynamicContainer(
                        category.getKey() + " (" + category.getValue().size() + ")", category.getValue()));
        DynamicTest nothingStored = DynamicTest.dynamicTest("no article row was added by the " + corpus.size()
                + " requests", () -> assertThat(articleRows()).as("article rows").isEqualTo(baseline));
        return Stream.concat(categories, Stream.of(nothingStored));
    }

    private void check(BadRequest request) throws Exception {
        long before = articleRows();
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String answer = status + " " + response.headers().firstValue("Content-Type").orElse("(no Content-Type)")
                + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);

        assertThat(status).as("status of %s; answer: %s", request, answer).isBetween(400, 499);
        if (request.status() != BadInputCorpus.ANY_4XX) {
            assertThat(status).as("documented status of %s; answer: %s", request, answer).isEqualTo(request.status());
        }
        assertThat(response.headers().firstValue("Content-Type")).as("Content-Type; answer: %s", answer)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Location")).as("Location; answer: %s", answer).isEmpty();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").isInt()).as("problem status is a number; answer: %s", answer).isTrue();
        assertThat(problem.path("status").asInt()).as("problem status; answer: %s", answer).isEqualTo(status);
        assertThat(problem.path("title").asText()).as("problem title; answer: %s", answer).isNotBlank();
        if (request.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            assertThat(fields).as("errors[].field of %s; answer: %s", request, answer).contains(request.field());
        }
        assertThat(articleRows()).as("article rows after %s", request).isEqualTo(before);
        if (!request.category().equals("method and negotiation")) { // methods and paths the API does not have
            OpenApiValidation.assertValidResponse(root, Request.Method.valueOf(request.method()),
                    request.path().replaceFirst("\\?.*", ""), status,
                    response.headers().firstValue("Content-Type").orElse(null), body);
        }
    }

    private HttpResponse<byte[]> send(BadRequest request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "")
                + request.path())).timeout(Duration.ofSeconds(30));
        request.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        BodyPublisher body;
        if (request.body() == null) {
            body = BodyPublishers.noBody();
        } else if (request.chunked()) {
            body = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()));
        } else {
            body = BodyPublishers.ofByteArray(request.body());
        }
        return HTTP.send(builder.method(request.method(), body).build(), BodyHandlers.ofByteArray());
    }

    private long articleRows() {
        return database.count("SELECT count(*) FROM article");
    }
}
