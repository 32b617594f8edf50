package io.newsdesk.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document bounds each list's limit as its settings do, not as the defaults: with page sizes
 * configured apart from them, the document's maximum is the largest limit accepted and its default the page size of a
 * request without one.
 */
@QuarkusTest
@TestProfile(PageSizesDocumentTest.OtherPageSizes.class)
class PageSizesDocumentTest {

    public static class OtherPageSizes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.articles.default-page-size", "7", "newsdesk.articles.max-page-size", "37",
                    "newsdesk.feed.default-page-size", "5", "newsdesk.feed.max-page-size", "23");
        }
    }

    @Test
    void theDocumentStatesTheConfiguredPageSizes() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        assertLimit(document, "/api/articles", "articlesLimit", 7, 37);
        assertLimit(document, "/api/feed", "feedLimit", 5, 23);
        given().queryParam("limit", 37).get("/api/articles").then().statusCode(200);
        given().queryParam("limit", 38).get("/api/articles").then().statusCode(400);
        given().queryParam("limit", 23).get("/api/feed").then().statusCode(200);
        given().queryParam("limit", 24).get("/api/feed").then().statusCode(400);
    }

    private static void assertLimit(JsonPath document, String path, String component, int defaultSize,
            int maxSize) {
        assertThat(document.getList("paths.'" + path + "'.get.parameters.'$ref'", String.class))
                .contains("#/components/parameters/" + component);
        String schema = "components.parameters." + component + ".schema.";
        assertThat(document.getInt(schema + "maximum")).as(component + " maximum").isEqualTo(maxSize);
        assertThat(document.getInt(schema + "default")).as(component + " default").isEqualTo(defaultSize);
    }
}
