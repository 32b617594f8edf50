package io.newsdesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.OpenApiValidation;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from the served OpenAPI document, with a fixed seed (a failure names its case and replays):
 * articles and list/feed queries shaped by the document's schemas (lengths, patterns, formats, ranges, exactly one of
 * body and html), then each made invalid in one field. The document is the oracle both ways: a request it accepts must
 * be accepted by the service (200/201/202 with an answer that matches the document), a request it refuses must be
 * refused with 400 problem+json naming the field, storing nothing. Never a 5xx.
 */
@QuarkusTest
class ApiContractPropertyTest {

    private static final long SEED = 14;
    private static final int ARTICLES = 150;
    private static final int QUERIES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final List<String> WORDS = List.of("harbour", "council", "storm", "election", "Zürich", "São",
            "Paulo", "festival", "minister", "budget", "東京", "مرفأ", "río", "Kraków", "naïve", "rally", "🚢", "vote",
            "ceasefire", "bridge", "Ørsted", "İzmir", "summit", "flood", "déjà");
    private static final List<String> SENTENCES = List.of(
            "The harbour reopened on Friday after a week of storms closed it to shipping.",
            "Port officials said the first container ships were unloaded overnight.",
            "Ferry services will resume on Monday, the operator confirmed in a statement.",
            "Fishermen, who lost a week of work, asked the council for compensation.",
            "The city council approved the annual budget after a long debate.",
            "Opposition members said the figures relied on optimistic forecasts.",
            "Engineers inspected the bridge and found no structural damage.",
            "The minister is expected to visit the region later this week.");

    @TestHTTPResource("/")
    URI root;

    @Inject
    Database database;

    private OpenApiInteractionValidator oracle;
    private OpenAPI document;
    private Random random;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void readTheDocument() throws Exception {
        String json = HTTP.send(HttpRequest.newBuilder(root.resolve("/q/openapi?format=json")).build(),
                BodyHandlers.ofString()).body();
        document = new OpenAPIV3Parser().readContents(json).getOpenAPI();
        oracle = OpenApiValidation.validator(root);
        random = new Random(SEED);
    }

    /**
     * The 150 generated articles, many published "now" with news-like text, would otherwise become story candidates of
     * later tests on the same database (LlmSummaryTest would ask its slow LLM stub about them).
     */
    @AfterEach
    void removeTheGeneratedArticles() {
        database.deleteAllArticles();
    }

    @Test
    void articlesTheDocumentAllowsAreStoredAndOnesItForbidsAreRefusedNamingTheField() throws Exception {
        Schema<?> submission = document.getComponents().getSchemas().get("ArticleSubmission");
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < ARTICLES; i++) {
            Map<String, Object> article = validArticle(submission, i);
            String name = "article #" + i + " (seed " + SEED + ")";
            String json = JSON.writeValueAsString(article);
            if (expectAccepted(name, json)) {
                accepted++;
            }
            Map.Entry<String, Map<String, Object>> mutation = invalidArticle(submission, article);
            String invalid = JSON.writeValueAsString(mutation.getValue());
            if (expectRefused(name + " with " + mutation.getKey() + " made invalid: " + abbreviate(invalid), invalid,
                    mutation.getKey())) {
                refused++;
            }
        }
        assertThat(failures).as("%d generated articles disagree with the service", failures.size()).isEmpty();
        assertThat(accepted).isEqualTo(ARTICLES);
        assertThat(refused).isEqualTo(ARTICLES);
    }

    @Test
    void queriesTheDocumentAllowsAreAnsweredAndOnesItForbidsAreRefusedNamingTheParameter() throws Exception {
        for (int i = 0; i < QUERIES; i++) {
            String path = i % 2 == 0 ? "/api/articles" : "/api/feed";
            List<Parameter> parameters = document.getPaths().get(path).getGet().getParameters().stream()
                    .map(this::dereference).filter(parameter -> parameter.getIn().equals("query")).toList();
            Map<String, String> query = new LinkedHashMap<>();
            for (Parameter parameter : parameters) {
                String value = validValue(parameter);
                if (value != null && random.nextBoolean()) {
                    query.put(parameter.getName(), value);
                }
            }
            String name = "query #" + i + " (seed " + SEED + ") " + path + query;
            HttpResponse<String> answer = get(path, query);
            ValidationReport report = oracle.validate(getRequest(path, query), response(answer));
            check(report.hasErrors(), name + " disagrees with the document: " + format(report));
            check(answer.statusCode() != 200, name + " answered " + answer.statusCode() + ": " + answer.body());

            Parameter broken = parameters.get(random.nextInt(parameters.size()));
            Map<String, String> invalid = new LinkedHashMap<>(query);
            invalid.put(broken.getName(), invalidValue(broken));
            String invalidName = "query #" + i + " with " + broken.getName() + " made invalid " + path + invalid;
            check(!oracle.validateRequest(getRequest(path, invalid)).hasErrors(),
                    invalidName + ": the document allows it");
            HttpResponse<String> refusal = get(path, invalid);
            checkProblem(invalidName, refusal, broken.getName());
            check(oracle.validateResponse(path, Request.Method.GET, response(refusal)).hasErrors(),
                    invalidName + ": the answer disagrees with the document");
        }
        assertThat(failures).as("%d generated queries disagree with the service", failures.size()).isEmpty();
    }

    // --- articles -------------------------------------------------------------------------------------------

    private Map<String, Object> validArticle(Schema<?> submission, int serial) {
        Map<String, Object> article = new LinkedHashMap<>();
        int maxTitle = property(submission, "title").getMaxLength();
        String title = words(1 + random.nextInt(8)) + " " + serial + "-" + random.nextInt(1_000_000);
        if (random.nextInt(10) == 0) {
            title = title + " " + "x".repeat(Math.max(0, maxTitle - title.length() - 1));
        }
        article.put("title", title);
        String text = text(serial);
        if (random.nextBoolean()) {
            article.put("body", text);
        } else {
            article.put("html", "<html><body><article><h1>" + title + "</h1><p>" + text.replace("\n\n", "</p><p>")
                    + "</p></article></body></html>");
        }
        if (random.nextInt(4) > 0) {
            article.put("url", url(serial));
        }
        if (random.nextBoolean()) {
            article.put("source", words(1 + random.nextInt(3)));
        }
        if (random.nextBoolean()) {
            article.put("publishedAt", timestamp());
        }
        if (random.nextBoolean()) {
            article.put("language", languageTag());
        }
        if (random.nextInt(5) == 0) {
            article.put("feedId", random.nextInt(100)); // unknown properties are ignored
        }
        return article;
    }

    /** The article with one field made invalid by the document's own rules, and the field the problem must name. */
    private Map.Entry<String, Map<String, Object>> invalidArticle(Schema<?> submission, Map<String, Object> valid) {
        Map<String, Object> article = new LinkedHashMap<>(valid);
        String content = article.containsKey("body") ? "body" : "html";
        List<Supplier<String>> mutations = List.of(
                () -> content.equals("body") ? remove(article, "title")
                        : put(article, "title", "y".repeat(property(submission, "title").getMaxLength() + 1)),
                () -> put(article, "title", "y".repeat(property(submission, "title").getMaxLength() + 1)),
                () -> put(article, "title", pick(" ", "\u3164", "\u2800\u2800", "\u200B\u200D", "\u115F\u1160",
                        "\t\u00A0")),
                () -> put(article, "title", "Harbour" + pick("\u0000", "\u0007", "\u001B", "\u0085") + "news"),
                () -> put(article, "title", pick(42, List.of("a"), Map.of("text", "b"), true)),
                () -> {
                    article.put(content.equals("body") ? "html" : "body", "<p>" + SENTENCES.get(0) + "</p>");
                    return "html";
                },
                () -> {
                    article.remove("body");
                    article.remove("html");
                    return "body";
                },
                () -> put(article, content, pick("", "   ", "\n\t")),
                () -> put(article, content, SENTENCES.get(1) + "\u0000"),
                () -> put(article, "url", pick("ftp://example.org/a", "javascript:alert(1)", "/news/1", "https://",
                        "http://exa mple.org/a", "example.org/news")),
                () -> put(article, "url", "https://example.org/" + "p".repeat(
                        property(submission, "url").getMaxLength())),
                () -> put(article, "source", "Harbour" + pick("\u0000", "\u0007", "\u009B") + "Times"),
                () -> put(article, "source", "s".repeat(property(submission, "source").getMaxLength() + 1)),
                () -> put(article, "publishedAt", pick("yesterday", "2024-13-01T00:00:00Z", "2024-04-15",
                        "2024-04-15T10:00:00", "15/04/2024")),
                () -> put(article, "publishedAt", 1712345678),
                () -> put(article, "language", pick("english!", "e", "en_US", "toolongtag", "12")));
        String field = mutations.get(random.nextInt(mutations.size())).get();
        return Map.entry(field, article);
    }

    private boolean expectAccepted(String name, String json) throws Exception {
        SimpleRequest request = post(json);
        ValidationReport byDocument = oracle.validateRequest(request);
        if (check(byDocument.hasErrors(), name + ": the generator made an article the document forbids: "
                + format(byDocument) + " " + abbreviate(json))) {
            return false;
        }
        HttpResponse<String> answer = send(json);
        ValidationReport report = oracle.validateResponse("/api/articles", Request.Method.POST, response(answer));
        return !check(!List.of(200, 201, 202).contains(answer.statusCode()),
                name + " answered " + answer.statusCode() + ": " + answer.body() + " for " + abbreviate(json))
                & !check(report.hasErrors(), name + ": the answer disagrees with the document: " + format(report));
    }

    private boolean expectRefused(String name, String json, String field) throws Exception {
        if (check(!oracle.validateRequest(post(json)).hasErrors(), name + ": the document allows it")) {
            return false;
        }
        long rows = database.count("SELECT count(*) FROM article");
        HttpResponse<String> answer = send(json);
        boolean ok = checkProblem(name, answer, field);
        ok &= !check(oracle.validateResponse("/api/articles", Request.Method.POST, response(answer)).hasErrors(),
                name + ": the answer disagrees with the document");
        ok &= !check(database.count("SELECT count(*) FROM article") != rows, name + ": a row was stored");
        return ok;
    }

    private boolean checkProblem(String name, HttpResponse<String> answer, String field) throws Exception {
        boolean problem = answer.statusCode() == 400 && answer.headers().firstValue("Content-Type")
                .orElse("").startsWith(Problem.MEDIA_TYPE);
        if (check(!problem, name + " answered " + answer.statusCode() + ": " + answer.body())) {
            return false;
        }
        List<String> fields = new ArrayList<>();
        JSON.readTree(answer.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return !check(!fields.contains(field), name + ": the problem names " + fields + ", not " + field);
    }

    // --- values ---------------------------------------------------------------------------------------------

    /** A value the parameter's schema allows; null for a cursor (only the service makes those). */
    /** A parameter shared through the document's components, as defined there. */
    private Parameter dereference(Parameter parameter) {
        String ref = parameter.get$ref();
        return ref == null ? parameter
                : document.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private String validValue(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        if (parameter.getName().equals("cursor")) {
            return null;
        }
        if ("integer".equals(schema.getType())) {
            long min = schema.getMinimum().longValue();
            long max = Math.min(schema.getMaximum().longValue(), min + 200);
            return String.valueOf(min + random.nextInt((int) (max - min + 1)));
        }
        if ("date-time".equals(schema.getFormat())) {
            return timestamp();
        }
        return words(1 + random.nextInt(2));
    }

    /** A value the parameter's schema forbids. */
    private String invalidValue(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        if ("integer".equals(schema.getType())) {
            return pick(String.valueOf(schema.getMinimum().longValue() - 1), "abc", "1.5", "1e2",
                    String.valueOf(schema.getMaximum().add(BigDecimal.ONE)));
        }
        if ("date-time".equals(schema.getFormat())) {
            return pick("yesterday", "2024-13-45T00:00:00Z", "2024-04-15", "2024-04-15T10:00:00", "now");
        }
        if (parameter.getName().equals("cursor")) {
            return pick("not a cursor!", "abc/def", "%%%");
        }
        return "a" + pick("\u0000", "\u0007", "\u001B", "\u0090") + "b";
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.toString();
    }

    private String text(int serial) {
        StringBuilder text = new StringBuilder();
        int paragraphs = 1 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            text.append(p == 0 ? "" : "\n\n");
            for (int s = 0; s < 2 + random.nextInt(3); s++) {
                text.append(SENTENCES.get(random.nextInt(SENTENCES.size()))).append(' ');
            }
        }
        return text.append("Report ").append(serial).append('-').append(random.nextInt(1_000_000)).append('.')
                .toString();
    }

    private String url(int serial) {
        String scheme = pick("https", "http", "HTTPS", "Http");
        String credentials = random.nextInt(6) == 0 ? "editor:s3cret@" : "";
        String host = pick("news", "www.news", "Example") + random.nextInt(50) + "." + pick("org", "com", "example");
        String port = random.nextInt(8) == 0 ? ":" + (1024 + random.nextInt(60000)) : "";
        String query = random.nextBoolean() ? "?utm_source=rss&id=" + random.nextInt(1000) : "";
        return scheme + "://" + credentials + host + port + "/" + words(1).toLowerCase().replaceAll("[^a-z]", "x")
                + "/" + serial + "-" + random.nextInt(1_000_000) + query + (random.nextInt(5) == 0 ? "#top" : "");
    }

    /** An RFC 3339 date-time within the years the document allows, at a random offset. */
    private String timestamp() {
        long earliest = Instant.parse("1001-01-01T00:00:00Z").getEpochSecond();
        long latest = Instant.parse("9998-12-31T00:00:00Z").getEpochSecond();
        Instant instant = Instant.ofEpochSecond(earliest + (long) (random.nextDouble() * (latest - earliest)));
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(57) - 28) * 1800);
        return RFC_3339.format(instant.atOffset(offset));
    }

    private String languageTag() {
        String tag = pick("en", "pt", "fr", "de", "sr", "zh", "gsw", "EN");
        for (int i = random.nextInt(3); i > 0; i--) {
            tag += "-" + pick("BR", "CH", "Latn", "Hant", "419", "x1", "variant1");
        }
        return tag;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String put(Map<String, Object> article, String field, Object value) {
        article.put(field, value);
        return field;
    }

    private static String remove(Map<String, Object> article, String field) {
        article.remove(field);
        return field;
    }

    private static Schema<?> property(Schema<?> schema, String name) {
        return schema.getProperties().get(name);
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    private static SimpleRequest post(String json) {
        return SimpleRequest.Builder.post("/api/articles").withContentType("application/json").withBody(json).build();
    }

    private static SimpleRequest getRequest(String path, Map<String, String> query) {
        SimpleRequest.Builder request = SimpleRequest.Builder.get(path);
        query.forEach(request::withQueryParam);
        return request.build();
    }

    private HttpResponse<String> send(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(root.resolve("/api/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> query) throws Exception {
        StringBuilder uri = new StringBuilder(path);
        query.forEach((name, value) -> uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(root.resolve(uri.toString())).build(), BodyHandlers.ofString());
    }

    private static SimpleResponse response(HttpResponse<String> answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
        answer.headers().firstValue("Content-Type").ifPresent(response::withContentType);
        return response.build();
    }

    /** Records a failure when {@code failed} (every check above expects a 2xx or a 400: a 5xx fails it). */
    private boolean check(boolean failed, String message) {
        if (failed) {
            failures.add(message);
        }
        return failed;
    }

    private static String format(ValidationReport report) {
        return SimpleValidationReportFormat.getInstance().apply(report).replace('\n', ' ');
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
